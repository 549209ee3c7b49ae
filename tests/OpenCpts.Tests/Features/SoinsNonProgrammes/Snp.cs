using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes;

/// <summary>Test helpers of the unscheduled-care area.</summary>
public static class Snp
{
    /// <summary>A general practitioner in Bourges; returns his id and his practice site id.</summary>
    public static async Task<(int Id, int ActiviteId, string Rpps)> MedecinAsync(this OpenCptsApp app, string nom = "MARTIN")
    {
        var builder = new ProfessionnelBuilder(nom).Docteur().ExerceA("18033", "Bourges");
        var id = (await app.AjouterAsync(builder))[0];
        var activite = await app.AvecDbAsync(db => db.Activites.Where(a => a.ProfessionnelId == id).Select(a => a.Id).SingleAsync());
        return (id, activite, builder.Rpps);
    }

    /// <summary>Tuesday 17:00–19:00, 20-minute slots, from 2026-11-01, until further notice.</summary>
    public static SaisieModele MardiSoir(int? activiteId = null) => new()
    {
        JourSemaine = DayOfWeek.Tuesday,
        HeureDebut = new TimeOnly(17, 0),
        HeureFin = new TimeOnly(19, 0),
        DureeCreneauMinutes = 20,
        DateDebut = new DateOnly(2026, 11, 1),
        TypeConsultation = TypesConsultation.Cabinet,
        Visibilite = Visibilites.Snp,
        ActiviteId = activiteId,
    };

    public static Task<ResultatEnregistrementModele> EnregistrerAsync(this OpenCptsApp app, int professionnelId, SaisieModele saisie) =>
        app.AvecServicesAsync(sp => sp.GetRequiredService<EnregistrerModele>().ExecuteAsync(professionnelId, saisie));

    public static async Task<int> ModeleAsync(this OpenCptsApp app, int professionnelId, SaisieModele saisie) =>
        Assert.IsType<ResultatEnregistrementModele.Enregistre>(await app.EnregistrerAsync(professionnelId, saisie)).Id;

    /// <summary>Books a slot the way the regulation does (slot Reserve + one confirmed booking).</summary>
    public static Task<long> ReserverAsync(this OpenCptsApp app, long creneauId, string nom = "DURAND", string prenom = "Lucie") => app.AvecDbAsync(async db =>
    {
        var creneau = await db.CreneauxSnp.SingleAsync(c => c.Id == creneauId);
        creneau.Statut = StatutsCreneau.Reserve;
        var r = new ReservationSnp
        {
            CreneauSnpId = creneauId,
            NomPatient = nom,
            PrenomPatient = prenom,
            DateNaissance = new DateOnly(1980, 5, 12),
            Motif = "Fièvre",
            CreeLeUtc = new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc),
        };
        db.ReservationsSnp.Add(r);
        await db.SaveChangesAsync();
        return r.Id;
    });
}
