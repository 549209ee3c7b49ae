using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.SoinsNonProgrammes;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.MedecinTraitant;

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
    public async Task<(ResultatModificationMt Resultat, Dictionary<string, string[]> Erreurs)> ExecuteAsync(
        long id, ModificationDemandeMt m, string? par, CancellationToken ct = default)
    {
        var erreurs = new Dictionary<string, string[]>(StringComparer.Ordinal);
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
                erreurs["criteres"] = ["Critère inconnu."];
            }
        }
        var notes = string.IsNullOrWhiteSpace(m.Notes) ? null : m.Notes.Trim();
        if (notes?.Length > ValiderDemandeMt.LongueurNotesMax)
        {
            erreurs["notes"] = [$"Les notes ne doivent pas dépasser {ValiderDemandeMt.LongueurNotesMax.ToString(CultureInfo.InvariantCulture)} caractères."];
        }
        string? telephone = null;
        if (!string.IsNullOrWhiteSpace(m.Telephone) && (telephone = ValiderPatient.NormaliserTelephone(m.Telephone)) is null)
        {
            erreurs["telephone"] = ["Le téléphone doit être un numéro français à 10 chiffres (ex. 06 12 34 56 78)."];
        }
        var email = string.IsNullOrWhiteSpace(m.Email) ? null : m.Email.Trim();
        if (email is not null && (email.Length > 200 || !System.Net.Mail.MailAddress.TryCreate(email, out _)))
        {
            erreurs["email"] = ["L'adresse e-mail n'est pas valide."];
        }
        if (telephone is null && email is null && !erreurs.ContainsKey("telephone"))
        {
            erreurs["telephone"] = ["Un téléphone ou une adresse e-mail est obligatoire pour contacter le patient."];
        }
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
