using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Import;

/// <summary>What to import and on whose behalf.</summary>
public sealed record DemandeImportFiness(string NomFichier, bool ToutImporter = false, string? LanceePar = null);

/// <summary>Outcome of a FINESS import: a persisted report, or a refused file (nothing written).</summary>
public abstract record ResultatImportFiness
{
    public sealed record Termine(RapportImport Rapport) : ResultatImportFiness;
    public sealed record FichierRefuse(string Message) : ResultatImportFiness;
}

/// <summary>
/// Imports the FINESS open-data <i>Structures</i> flux into the directory: one <see cref="Structure"/> per FINESS ET
/// (upserted on it, so a re-import changes nothing), filtered to the CPTS's territory by default. A closed
/// establishment is marked closed, never deleted. After the import, the professionals' activities whose RPPS
/// <c>Numéro FINESS site</c> is one of these establishments are linked to it (the RPPS import links them when the
/// structures come first). Written in batches, each in one transaction: known establishments are read and updated
/// through EF (tracked for the batch only), new ones inserted by <see cref="InsertionsStructures"/>; memory stays flat
/// (the flux is read as a stream).
/// What a coordination entered by hand is never overwritten: a structure entered by hand (<see cref="SourcesStructure.Saisie"/>)
/// that FINESS also lists is left as it is (counted as skipped), and the phone and e-mail of a FINESS structure changed
/// by hand (<see cref="Structure.ContactSaisiLeUtc"/>) are kept while the rest follows the flux.
/// </summary>
public sealed class ImportFiness(OpenCptsDb db, CptsCourante cptsCourante, TimeProvider horloge, ILogger<ImportFiness> logger)
{
    public const string Type = "FINESS";
    public const int TailleLot = 1000;

    public async Task<ResultatImportFiness> ImporterFichierAsync(string chemin, DemandeImportFiness demande,
        IProgress<ProgressionImport>? progression = null, CancellationToken ct = default)
    {
        if (!File.Exists(chemin))
        {
            return new ResultatImportFiness.FichierRefuse($"Fichier introuvable : {chemin}");
        }
        await using var flux = new FileStream(chemin, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return await ImporterAsync(flux, demande, progression, ct);
    }

    public async Task<ResultatImportFiness> ImporterAsync(Stream flux, DemandeImportFiness demande,
        IProgress<ProgressionImport>? progression = null, CancellationToken ct = default)
    {
        HashSet<string>? territoire = null;
        if (!demande.ToutImporter)
        {
            territoire = await cptsCourante.CodesCommunesAsync(ct);
            if (territoire.Count == 0)
            {
                return new ResultatImportFiness.FichierRefuse(
                    "Le territoire de la CPTS est vide : ajoutez ses communes, ou importez tout le fichier (--all).");
            }
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var rapport = new RapportImport { Type = Type, NomFichier = Path.GetFileName(demande.NomFichier), LanceePar = demande.LanceePar, DebutUtc = maintenant };
        var lot = new List<EtablissementFiness>(TailleLot);
        var vues = new HashSet<string>(StringComparer.Ordinal);
        var etat = new EtatImport(rapport, new InsertionsStructures(db.Model), maintenant);
        var total = flux.CanSeek ? flux.Length : 0;
        try
        {
            await foreach (var e in LecteurFiness.LireAsync(flux, ct))
            {
                rapport.Lues++;
                if (rapport.Lues % PasProgression == 0)
                {
                    progression?.Report(new ProgressionImport(rapport.Lues, flux.CanSeek ? flux.Position : 0, total));
                }
                if (e.FinessEt is not { Length: 9 } || !e.FinessEt.All(char.IsAsciiLetterOrDigit))
                {
                    Rejeter(rapport, rapport.Lues, $"Numéro FINESS d'établissement absent ou invalide ({e.FinessEt ?? "vide"}) : {e.Nom}");
                    continue;
                }
                if (territoire is not null && (e.CodeCommune is null || !territoire.Contains(e.CodeCommune)))
                {
                    rapport.Ignorees++;
                    continue;
                }
                if (!vues.Add(e.FinessEt))
                {
                    Rejeter(rapport, rapport.Lues, $"FINESS {e.FinessEt} présent deux fois dans le fichier : la première occurrence est gardée.");
                    continue;
                }
                lot.Add(e);
                if (lot.Count == TailleLot)
                {
                    await EcrireAsync(lot, etat, ct);
                }
            }
        }
        catch (FichierFinessInvalideException e) when (rapport.Lues == 0)
        {
            return new ResultatImportFiness.FichierRefuse(e.Message);
        }
        catch (FichierFinessInvalideException e)
        {
            // What was read before the damage is written; the report says where it stopped.
            await EcrireAsync(lot, etat, ct);
            return await TerminerAsync(rapport, "Echouee", e.Message, ct);
        }
        await EcrireAsync(lot, etat, ct);
        progression?.Report(new ProgressionImport(rapport.Lues, total, total));
        var liees = await LierActivitesAsync(ct);
        string?[] messages =
        [
            etat.Saisies > 0 ? $"{etat.Saisies} structure(s) saisie(s) à la main laissée(s) telle(s) quelle(s)." : null,
            liees > 0 ? $"{liees} lieu(x) d'exercice de l'annuaire rattaché(s) à leur établissement." : null,
        ];
        var message = string.Join(" ", messages.Where(m => m is not null));
        return await TerminerAsync(rapport, "Terminee", message.Length > 0 ? message : null, ct);
    }

    private const int PasProgression = 1000;

    /// <summary>What lasts for the whole run: the report, the prepared inserts, the run's time, the hand-entered structures met.</summary>
    private sealed class EtatImport(RapportImport rapport, InsertionsStructures insertions, DateTime maintenant)
    {
        public RapportImport Rapport { get; } = rapport;
        public InsertionsStructures Insertions { get; } = insertions;
        public DateTime Maintenant { get; } = maintenant;
        public long Saisies { get; set; }
    }

    private async Task<ResultatImportFiness> TerminerAsync(RapportImport rapport, string statut, string? message, CancellationToken ct)
    {
        rapport.Statut = statut;
        rapport.Message = message;
        rapport.FinUtc = horloge.GetUtcNow().UtcDateTime;
        db.RapportsImport.Add(rapport);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogInformation("FINESS import {Fichier}: {Lues} read, {Creees} created, {MisesAJour} updated, {Inchangees} unchanged, {Ignorees} skipped, {Rejetees} rejected",
            rapport.NomFichier, rapport.Lues, rapport.Creees, rapport.MisesAJour, rapport.Inchangees, rapport.Ignorees, rapport.Rejetees);
        return new ResultatImportFiness.Termine(rapport);
    }

    private static void Rejeter(RapportImport rapport, long numero, string motif)
    {
        rapport.Rejetees++;
        if (rapport.Rejets.Count < ImportRpps.RejetsConserves)
        {
            rapport.Rejets.Add(new RejetImport { Ligne = numero, Raison = motif });
        }
    }

    /// <summary>Upserts one batch in one transaction.</summary>
    private async Task EcrireAsync(List<EtablissementFiness> lot, EtatImport etat, CancellationToken ct)
    {
        if (lot.Count == 0)
        {
            return;
        }
        var rapport = etat.Rapport;
        // One array parameter whatever the batch size: one query plan (a list would bind one parameter per element).
        var finess = lot.Select(e => e.FinessEt!).ToArray();
        var connues = await db.Structures.Where(s => s.Finess != null && EF.Parameter(finess).Contains(s.Finess))
            .ToDictionaryAsync(s => s.Finess!, StringComparer.Ordinal, ct);
        var nouvelles = new List<Structure>();
        long creees = 0, misesAJour = 0, inchangees = 0, saisies = 0;
        foreach (var e in lot)
        {
            if (connues.TryGetValue(e.FinessEt!, out var structure))
            {
                if (structure.Source != SourcesStructure.Finess)
                {
                    saisies++;
                }
                else if (Appliquer(structure, e))
                {
                    structure.MisAJourLeUtc = etat.Maintenant;
                    misesAJour++;
                }
                else
                {
                    inchangees++;
                }
                continue;
            }
            structure = new Structure { Finess = e.FinessEt, Source = SourcesStructure.Finess, CreeLeUtc = etat.Maintenant, MisAJourLeUtc = etat.Maintenant };
            Appliquer(structure, e);
            nouvelles.Add(structure);
            creees++;
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            await etat.Insertions.InsererAsync(db, nouvelles, ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            lot.Clear();
        }
        rapport.Creees += creees;
        rapport.MisesAJour += misesAJour;
        rapport.Inchangees += inchangees;
        rapport.Ignorees += saisies;
        etat.Saisies += saisies;
    }

    /// <summary>Copies the flux's values onto the structure (but a phone and e-mail entered by hand); true when something changed.</summary>
    private static bool Appliquer(Structure s, EtablissementFiness e)
    {
        var avant = (s.FinessJuridique, s.Siret, s.CodeCategorie, s.Nom, s.Voie, s.CodePostal, s.CodeCommune, s.LibelleCommune, s.Telephone, s.Email,
            s.Latitude, s.Longitude, s.Fermee, s.FermeeLe);
        s.FinessJuridique = Limiter(e.FinessEj, 9);
        s.Siret = e.Siret is { Length: 14 } siret ? siret : s.Siret;
        s.CodeCategorie = Limiter(e.Categorie, 4) ?? "";
        s.Nom = Limiter(e.Nom, 200) ?? "";
        s.NomRecherche = TexteRecherche.Normaliser(s.Nom);
        s.Voie = Limiter(e.Voie, 200);
        s.CodePostal = Limiter(e.CodePostal, 5);
        s.CodeCommune = Limiter(e.CodeCommune, 5);
        s.LibelleCommune = Limiter(e.LibelleCommune, 100);
        if (s.ContactSaisiLeUtc is null)
        {
            s.Telephone = Limiter(e.Telephone, 20);
            s.Email = Limiter(e.Email, 200);
        }
        s.Latitude = e.Latitude;
        s.Longitude = e.Longitude;
        s.Fermee = e.Ferme;
        s.FermeeLe = e.DateFermeture;
        return avant != (s.FinessJuridique, s.Siret, s.CodeCategorie, s.Nom, s.Voie, s.CodePostal, s.CodeCommune, s.LibelleCommune, s.Telephone, s.Email,
            s.Latitude, s.Longitude, s.Fermee, s.FermeeLe);
    }

    private static string? Limiter(string? valeur, int longueur) => valeur is null ? null : valeur.Length <= longueur ? valeur : valeur[..longueur];

    /// <summary>Activities that name an establishment by its FINESS site and are not linked yet get linked to it.</summary>
    private Task<int> LierActivitesAsync(CancellationToken ct) =>
        db.Activites
            .Where(a => a.StructureId == null && a.FinessSite != null && db.Structures.Any(s => s.Finess == a.FinessSite))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.StructureId, a => db.Structures.Where(s => s.Finess == a.FinessSite).Select(s => (int?)s.Id).First()), ct);
}
