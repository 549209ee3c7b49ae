using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

namespace OpenCpts.Tests.Features.SoinsNonProgrammes;

/// <summary>
/// A free 20-minute slot at the cabinet, one hour after the test clock's start (2026-11-23 09:00 UTC),
/// unless told otherwise.
/// </summary>
public sealed class CreneauSnpBuilder(int professionnelId)
{
    public static readonly DateTime Origine = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private readonly CreneauSnp _creneau = new()
    {
        ProfessionnelId = professionnelId,
        DebutUtc = Origine.AddHours(1),
        FinUtc = Origine.AddHours(1).AddMinutes(20),
        TypeConsultation = TypesConsultation.Cabinet,
        Visibilite = Visibilites.Snp,
        Statut = StatutsCreneau.Libre,
        CreeLeUtc = Origine,
        MisAJourLeUtc = Origine,
    };

    /// <summary>Starts this long after 2026-11-23 09:00 UTC (negative: in the past).</summary>
    public CreneauSnpBuilder Dans(TimeSpan delai)
    {
        _creneau.DebutUtc = Origine + delai;
        _creneau.FinUtc = _creneau.DebutUtc.AddMinutes(20);
        return this;
    }

    public CreneauSnpBuilder Au(int activiteId)
    {
        _creneau.ActiviteId = activiteId;
        return this;
    }

    public CreneauSnpBuilder DeType(string type)
    {
        _creneau.TypeConsultation = type;
        return this;
    }

    public CreneauSnpBuilder Statut(string statut)
    {
        _creneau.Statut = statut;
        return this;
    }

    public CreneauSnp Build() => _creneau;
}

public static class CreneauxDeTest
{
    /// <summary>Saves the slots and returns their ids in the same order.</summary>
    public static Task<long[]> AjouterCreneauxAsync(this OpenCptsApp app, params CreneauSnpBuilder[] creneaux) => app.AvecDbAsync(async db =>
    {
        var entites = creneaux.Select(c => c.Build()).ToArray();
        db.CreneauxSnp.AddRange(entites);
        await db.SaveChangesAsync();
        return entites.Select(e => e.Id).ToArray();
    });

    /// <summary>The practice site (activity) of a professional, first one unless told.</summary>
    public static Task<int> ActiviteAsync(this OpenCptsApp app, int professionnelId) =>
        app.AvecDbAsync(db => db.Activites.Where(a => a.ProfessionnelId == professionnelId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());

    public static Task<string> StatutCreneauAsync(this OpenCptsApp app, long id) =>
        app.AvecDbAsync(db => db.CreneauxSnp.Where(c => c.Id == id).Select(c => c.Statut).FirstAsync());

    public static Task<int> ReservationsActivesAsync(this OpenCptsApp app, long creneauId) =>
        app.AvecDbAsync(db => db.ReservationsSnp.CountAsync(r => r.CreneauSnpId == creneauId && r.Active));
}
