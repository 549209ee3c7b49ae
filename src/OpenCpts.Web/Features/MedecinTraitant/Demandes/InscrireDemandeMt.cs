using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>Who registers, and what to do with possible duplicates.</summary>
/// <param name="Origine"><see cref="OriginesDemandeMt"/>.</param>
/// <param name="Par">The account (e-mail), null for the public form.</param>
/// <param name="MalgreDoublons">
/// True: register even when duplicates exist, flagging it in the history so that a person merges later (the public
/// form and the API always do this, as they cannot be asked). False: stop and return the duplicates.
/// </param>
public sealed record ContexteInscription(string Origine, string? Par, bool MalgreDoublons);

public abstract record ResultatInscriptionMt
{
    private ResultatInscriptionMt() { }

    public sealed record Inscrite(long Id, string Reference, bool DoublonSignale) : ResultatInscriptionMt;

    public sealed record Invalide(Infrastructure.Validation.ErreursValidation Erreurs) : ResultatInscriptionMt;

    /// <summary>Nothing stored: the person chooses between registering anyway and opening the existing request.</summary>
    public sealed record DoublonsPossibles(IReadOnlyList<DoublonPossible> Doublons) : ResultatInscriptionMt;
}

/// <summary>
/// Registers a patient on the waiting list: validation, duplicate check, a unique reference <c>MT-YYYY-NNNNNN</c>
/// (random number, so that a reference tells nothing about the size of the list and cannot be guessed from
/// another one; the unique index is the guard, a collision retries), and the first history row.
/// </summary>
public sealed class InscrireDemandeMt(OpenCptsDb db, ValiderDemandeMt valider, DetecterDoublons doublons, CptsCourante cpts, TimeProvider horloge)
{
    public async Task<ResultatInscriptionMt> ExecuteAsync(SaisieDemandeMt saisie, ContexteInscription contexte, CancellationToken ct = default)
    {
        var (demande, erreurs) = await valider.ExecuteAsync(saisie, ct);
        if (demande is null)
        {
            return new ResultatInscriptionMt.Invalide(erreurs);
        }
        var cptsId = (await cpts.ObtenirAsync(ct)).Id;
        var existantes = await doublons.ExecuteAsync(cptsId, demande.NomNormalise, demande.DateNaissance, demande.Ins, null, ct);
        if (existantes.Count > 0 && !contexte.MalgreDoublons)
        {
            return new ResultatInscriptionMt.DoublonsPossibles(existantes);
        }

        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var entite = new DemandeMedecinTraitant
        {
            Reference = await NouvelleReferenceAsync(maintenant, ct),
            CptsId = cptsId,
            Nom = demande.Nom,
            Prenom = demande.Prenom,
            NomNormalise = demande.NomNormalise,
            DateNaissance = demande.DateNaissance,
            Sexe = demande.Sexe,
            Ins = demande.Ins,
            Telephone = demande.Telephone,
            Email = demande.Email,
            CodeCommune = demande.CommuneInsee,
            Raison = demande.Raison,
            Criteres = demande.Criteres,
            Notes = demande.Notes,
            ConsentementContact = demande.ConsentementContact,
            ConsentementLeUtc = demande.ConsentementContact ? maintenant : null,
            Statut = StatutsDemandeMt.EnAttente,
            Origine = contexte.Origine,
            InscritPar = contexte.Par,
            InscritLeUtc = maintenant,
        };
        var commentaire = existantes.Count > 0
            ? "Inscrite malgré un doublon possible : " + string.Join(", ", existantes.Select(e => e.Reference))
            : "Inscription";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.DemandesMedecinTraitant.Add(entite);
        await db.SaveChangesAsync(ct);
        db.HistoriqueDemandesMt.Add(new HistoriqueDemandeMt
        {
            DemandeMedecinTraitantId = entite.Id,
            AncienStatut = null,
            NouveauStatut = StatutsDemandeMt.EnAttente,
            Commentaire = commentaire.Length > 500 ? commentaire[..500] : commentaire,
            Par = contexte.Par ?? (contexte.Origine == OriginesDemandeMt.FormulairePublic ? "Formulaire public" : null),
            LeUtc = maintenant,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ResultatInscriptionMt.Inscrite(entite.Id, entite.Reference, existantes.Count > 0);
    }

    /// <summary>A free reference of the year (Paris time). The unique index stays the last guard against a race.</summary>
    private async Task<string> NouvelleReferenceAsync(DateTime maintenant, CancellationToken ct)
    {
        var annee = HeureParis.DepuisUtc(maintenant).Year.ToString(CultureInfo.InvariantCulture);
        while (true)
        {
            var reference = $"MT-{annee}-{RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture)}";
            if (!await db.DemandesMedecinTraitant.AnyAsync(d => d.Reference == reference, ct))
            {
                return reference;
            }
        }
    }
}
