using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;

public sealed record FicheReservation(
    long Id,
    string Statut,
    string NomPatient,
    string PrenomPatient,
    DateOnly DateNaissance,
    string? Telephone,
    string? Email,
    string? CodeCommune,
    string? Ins,
    string? Motif,
    string Origine,
    string? CreePar,
    DateTime CreeLeUtc,
    long CreneauId,
    DateTime DebutUtc,
    DateTime FinUtc,
    string TypeConsultation,
    int ProfessionnelId,
    string Rpps,
    string NomProfessionnel,
    string? Site,
    string? Commune);

/// <summary>A booking with its patient data, for the detail page (which audits every read).</summary>
public sealed class ConsulterReservation(OpenCptsDb db)
{
    public async Task<FicheReservation?> ExecuteAsync(long id, CancellationToken ct = default)
    {
        var r = await (from x in db.ReservationsSnp.AsNoTracking()
                       join c in db.CreneauxSnp on x.CreneauSnpId equals c.Id
                       join p in db.Professionnels on c.ProfessionnelId equals p.Id
                       from a in db.Activites.Where(a => a.Id == c.ActiviteId).DefaultIfEmpty()
                       where x.Id == id
                       select new
                       {
                           x,
                           c.DebutUtc,
                           c.FinUtc,
                           c.TypeConsultation,
                           c.ProfessionnelId,
                           p.Rpps,
                           p.CiviliteExercice,
                           p.Prenom,
                           p.Nom,
                           Site = a == null ? null : (a.Enseigne ?? a.RaisonSociale ?? a.Voie),
                           Commune = a == null ? null : a.LibelleCommune,
                       }).FirstOrDefaultAsync(ct);
        return r is null ? null : new FicheReservation(r.x.Id, r.x.Statut, r.x.NomPatient, r.x.PrenomPatient, r.x.DateNaissance, r.x.Telephone,
            r.x.Email, r.x.CodeCommune, r.x.Ins, r.x.Motif, r.x.Origine, r.x.CreePar, r.x.CreeLeUtc, r.x.CreneauSnpId, r.DebutUtc, r.FinUtc,
            r.TypeConsultation, r.ProfessionnelId, r.Rpps, Annuaire.Civilites.NomAffiche(r.CiviliteExercice, r.Prenom, r.Nom), r.Site, r.Commune);
    }
}
