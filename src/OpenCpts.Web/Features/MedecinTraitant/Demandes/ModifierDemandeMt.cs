using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Patients;
using OpenCpts.Web.Infrastructure.Validation;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>What the Coordination or the Régulation may change on an open request.</summary>
public sealed record ModificationDemandeMt(IReadOnlyList<string> Criteres, string? Notes, string? Telephone, string? Email);

public enum ResultatModificationMt
{
    Modifiee,
    Introuvable,
    /// <summary>Closed requests (placed, merged, withdrawn) are not edited any more.</summary>
    Close,
}

/// <summary>Edits criteria, notes and contact, and writes what changed (not the values) in the history.</summary>
public sealed class ModifierDemandeMt(OpenCptsDb db, TimeProvider horloge)
{
    public async Task<(ResultatModificationMt Resultat, ErreursValidation Erreurs)> ExecuteAsync(
        long id, ModificationDemandeMt m, string? par, CancellationToken ct = default)
    {
        var erreurs = new ErreursValidation();
        var d = await db.DemandesMedecinTraitant.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return (ResultatModificationMt.Introuvable, erreurs);
        }
        if (!DetecterDoublons.StatutsOuverts.Contains(d.Statut))
        {
            return (ResultatModificationMt.Close, erreurs);
        }
        var criteres = CriteresPriorite.Aucun;
        foreach (var code in m.Criteres)
        {
            if (Criteres.DepuisCode(code) is { } c)
            {
                criteres |= c;
            }
            else
            {
                erreurs[nameof(m.Criteres)] = ["Critère inconnu."];
            }
        }
        var notes = string.IsNullOrWhiteSpace(m.Notes) ? null : m.Notes.Trim();
        if (notes?.Length > ValiderDemandeMt.LongueurNotesMax)
        {
            erreurs[nameof(m.Notes)] = [$"Les notes ne doivent pas dépasser {ValiderDemandeMt.LongueurNotesMax.ToString(CultureInfo.InvariantCulture)} caractères."];
        }
        var (telephone, email) = ValiderIdentitePatient.Contact(m.Telephone, m.Email, ExigencesIdentite.TelephoneOuEmail, erreurs);
        if (erreurs.Count > 0)
        {
            return (ResultatModificationMt.Modifiee, erreurs);
        }

        var changements = new List<string>();
        if (d.Criteres != criteres)
        {
            changements.Add("critères");
        }
        if (d.Notes != notes)
        {
            changements.Add("notes");
        }
        if (d.Telephone != telephone || d.Email != email)
        {
            changements.Add("coordonnées");
        }
        if (changements.Count == 0)
        {
            return (ResultatModificationMt.Modifiee, erreurs);
        }
        d.Criteres = criteres;
        d.Notes = notes;
        d.Telephone = telephone;
        d.Email = email;
        db.HistoriqueDemandesMt.Add(new HistoriqueDemandeMt
        {
            DemandeMedecinTraitantId = d.Id,
            AncienStatut = d.Statut,
            NouveauStatut = d.Statut,
            Commentaire = "Modification : " + string.Join(", ", changements),
            Par = par,
            LeUtc = horloge.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        return (ResultatModificationMt.Modifiee, erreurs);
    }
}
