using System.Globalization;

using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

/// <summary>
/// The iCalendar document of a feed: one event per upcoming confirmed booking. A calendar leaves the
/// platform (phones, cloud services), so the patient appears by initials only.
/// </summary>
public sealed class ConstruireFluxIcs(OpenCptsDb db, TimeProvider horloge)
{
    /// <summary>The document, or null when the secret is unknown or revoked.</summary>
    public async Task<string?> ExecuteAsync(string secret, CancellationToken ct = default)
    {
        var empreinte = GererFluxCalendrier.Empreinte(secret);
        var professionnelId = await db.FluxCalendriers
            .Where(f => f.Empreinte == empreinte && f.RevoqueLeUtc == null)
            .Select(f => (int?)f.ProfessionnelId)
            .FirstOrDefaultAsync(ct);
        if (professionnelId is null)
        {
            return null;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var rendezVous = await db.ReservationsSnp
            .Where(r => r.Statut == StatutsReservation.Confirmee)
            .Join(db.CreneauxSnp, r => r.CreneauSnpId, c => c.Id, (r, c) => new { r, c })
            .Where(x => x.c.ProfessionnelId == professionnelId && x.c.FinUtc > maintenant)
            .OrderBy(x => x.c.DebutUtc)
            .Select(x => new { x.r.Id, x.r.NomPatient, x.r.PrenomPatient, x.c.DebutUtc, x.c.FinUtc, x.c.TypeConsultation, x.r.CreeLeUtc })
            .ToListAsync(ct);

        var calendrier = new Ical.Net.Calendar { ProductId = "-//OpenCPTS//Soins non programmés//FR" };
        calendrier.AddProperty("X-WR-CALNAME", "OpenCPTS — soins non programmés");
        foreach (var r in rendezVous)
        {
            calendrier.Events.Add(new CalendarEvent
            {
                Uid = "snp-reservation-" + r.Id.ToString(CultureInfo.InvariantCulture) + "@opencpts",
                DtStamp = new CalDateTime(DateTime.SpecifyKind(r.CreeLeUtc, DateTimeKind.Utc)),
                DtStart = new CalDateTime(DateTime.SpecifyKind(r.DebutUtc, DateTimeKind.Utc)),
                DtEnd = new CalDateTime(DateTime.SpecifyKind(r.FinUtc, DateTimeKind.Utc)),
                Summary = $"SNP — {TypesConsultation.Libelle(r.TypeConsultation)} — {Initiales(r.PrenomPatient, r.NomPatient)}",
            });
        }
        return new CalendarSerializer().SerializeToString(calendrier);
    }

    public static string Initiales(string prenom, string nom)
    {
        static string Initiale(string s) => string.IsNullOrWhiteSpace(s) ? "" : char.ToUpperInvariant(s.Trim()[0]) + ".";
        return Initiale(prenom) + Initiale(nom);
    }
}
