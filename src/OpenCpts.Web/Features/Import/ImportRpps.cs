using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Import;

/// <summary>Progress of a running import, for the progress bar.</summary>
public sealed record ProgressionImport(long LignesLues, long OctetsLus, long OctetsTotal)
{
    public int Pourcentage => OctetsTotal <= 0 ? 0 : (int)Math.Clamp(OctetsLus * 100 / OctetsTotal, 0, 100);
}

/// <summary>What to import and on whose behalf.</summary>
public sealed record DemandeImportRpps(string NomFichier, bool ToutImporter = false, string? LanceePar = null);

/// <summary>Outcome of an RPPS import: a persisted report, or a refused file (nothing written).</summary>
public abstract record ResultatImportRpps
{
    public sealed record Termine(RapportImport Rapport) : ResultatImportRpps;
    public sealed record FichierRefuse(string Message) : ResultatImportRpps;
}

/// <summary>
/// Imports the Annuaire Santé extraction into the directory: one <see cref="Professionnel"/> per RPPS
/// number, one <see cref="ActiviteProfessionnelle"/> per (professional, site), upserted so that a
/// re-import of the same file changes nothing. Lines are written in batches, each in one transaction:
/// a failing batch is rolled back and its lines reported, the others stay. Memory stays flat whatever
/// the file size: only one batch is tracked at a time.
/// </summary>
public sealed class ImportRpps(OpenCptsDb db, CptsCourante cptsCourante, TimeProvider horloge, ILogger<ImportRpps> logger)
{
    public const string Type = "RPPS";
    public const int TailleLot = 2000;
    public const int RejetsConserves = 1000;
    private const int PasProgression = 16384;

    public async Task<ResultatImportRpps> ImporterFichierAsync(string chemin, DemandeImportRpps demande,
        IProgress<ProgressionImport>? progression = null, CancellationToken ct = default)
    {
        if (!File.Exists(chemin))
        {
            return new ResultatImportRpps.FichierRefuse($"Fichier introuvable : {chemin}");
        }
        await using var flux = new FileStream(chemin, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return await ImporterAsync(flux, demande, progression, ct);
    }

    public async Task<ResultatImportRpps> ImporterAsync(Stream flux, DemandeImportRpps demande,
        IProgress<ProgressionImport>? progression = null, CancellationToken ct = default)
    {
        HashSet<string>? territoire = null;
        if (!demande.ToutImporter)
        {
            territoire = await cptsCourante.CodesCommunesAsync(ct);
            if (territoire.Count == 0)
            {
                return new ResultatImportRpps.FichierRefuse(
                    "Le territoire de la CPTS est vide : ajoutez ses communes, ou importez tout le fichier (--all).");
            }
        }
        var ouverture = LecteurRpps.Ouvrir(flux, territoire, laisserOuvert: true);
        if (ouverture is OuvertureRpps.Refuse refus)
        {
            return new ResultatImportRpps.FichierRefuse(refus.Message);
        }
        using var lecteur = ((OuvertureRpps.Ouvert)ouverture).Lecteur;

        var rapport = new RapportImport
        {
            Type = Type,
            NomFichier = Path.GetFileName(demande.NomFichier),
            LanceePar = demande.LanceePar,
            DebutUtc = horloge.GetUtcNow().UtcDateTime,
        };
        db.RapportsImport.Add(rapport);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var etat = new EtatImport(rapport, await ReferencesAsync(ct), new InsertionsRpps(db.Model));
        var total = flux.CanSeek ? flux.Length : 0;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var lot = new List<LigneRpps>(TailleLot);
            while (lecteur.Lire(out var lecture))
            {
                rapport.Lues++;
                switch (lecture.Statut)
                {
                    case StatutLigne.Retenue:
                        lot.Add(lecture.Donnees!);
                        if (lot.Count == TailleLot)
                        {
                            await EnregistrerLotAsync(lot, etat, ct);
                            lot.Clear();
                        }
                        break;
                    case StatutLigne.Ignoree:
                        rapport.Ignorees++;
                        break;
                    case StatutLigne.Rejetee:
                        etat.Rejeter(lecture.Ligne, lecture.Raison!);
                        break;
                }
                if (rapport.Lues % PasProgression == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progression?.Report(new ProgressionImport(rapport.Lues, flux.CanSeek ? flux.Position : 0, total));
                }
            }
            if (lot.Count > 0)
            {
                await EnregistrerLotAsync(lot, etat, ct);
            }
            rapport.Statut = "Terminee";
            rapport.Message = $"{etat.ProfessionnelsCrees} professionnel(s) créé(s), {etat.ProfessionnelsMisAJour} mis à jour.";
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The lines already committed stay: every batch is whole. The report says where it stopped.
            logger.LogError(e, "Import RPPS interrompu à la ligne {Ligne}", lecteur.Ligne);
            db.ChangeTracker.Clear();
            rapport.Statut = "Echouee";
            rapport.Message = $"Import interrompu à la ligne {lecteur.Ligne} : {e.Message}";
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        progression?.Report(new ProgressionImport(rapport.Lues, total, total));

        rapport.FinUtc = horloge.GetUtcNow().UtcDateTime;
        rapport.Rejets = etat.Rejets;
        db.RapportsImport.Update(rapport);
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        logger.LogInformation(
            "Import RPPS {Fichier} : {Lues} lues, {Creees} créées, {MisesAJour} mises à jour, {Inchangees} inchangées, {Ignorees} ignorées, {Rejetees} rejetées",
            rapport.NomFichier, rapport.Lues, rapport.Creees, rapport.MisesAJour, rapport.Inchangees, rapport.Ignorees, rapport.Rejetees);
        return new ResultatImportRpps.Termine(rapport);
    }

    private async Task<References> ReferencesAsync(CancellationToken ct)
    {
        // Both reference tables are small (≈35 000 communes, the directory's structures): kept in memory
        // for the whole run so that a batch costs one query, not one per line.
        var codesPostaux = await db.Communes.AsNoTracking()
            .Select(c => new { c.CodeInsee, c.CodesPostaux })
            .ToDictionaryAsync(c => c.CodeInsee, c => c.CodesPostaux.Split(',')[0], StringComparer.Ordinal, ct);
        var structures = await db.Structures.AsNoTracking()
            .Where(s => s.Finess != null)
            .Select(s => new { s.Finess, s.Id })
            .ToDictionaryAsync(s => s.Finess!, s => s.Id, StringComparer.Ordinal, ct);
        return new References(codesPostaux, structures);
    }

    private async Task EnregistrerLotAsync(List<LigneRpps> lot, EtatImport etat, CancellationToken ct)
    {
        var numeros = lot.Select(l => l.Rpps).Distinct().ToList();
        var existants = await db.Professionnels
            .Include(p => p.Activites)
            .Where(p => EF.Parameter(numeros).Contains(p.Rpps))
            .AsSplitQuery()
            .ToDictionaryAsync(p => p.Rpps, StringComparer.Ordinal, ct);

        var maintenant = horloge.GetUtcNow().UtcDateTime;
        long creees = 0, misesAJour = 0, inchangees = 0;
        var professionnelsModifies = new HashSet<string>(StringComparer.Ordinal);
        // New professionals are not tracked by EF: they go through the direct inserts below.
        var nouveaux = new Dictionary<string, Professionnel>(StringComparer.Ordinal);
        foreach (var ligne in lot)
        {
            var nouveauProfessionnel = nouveaux.TryGetValue(ligne.Rpps, out var professionnel);
            if (professionnel is null && !existants.TryGetValue(ligne.Rpps, out professionnel))
            {
                professionnel = new Professionnel { Rpps = ligne.Rpps, CreeLeUtc = maintenant, MisAJourLeUtc = maintenant };
                nouveaux[ligne.Rpps] = professionnel;
                nouveauProfessionnel = true;
            }
            var professionnelChange = AppliquerProfessionnel(professionnel, ligne);
            if (professionnelChange && !nouveauProfessionnel)
            {
                professionnel.MisAJourLeUtc = maintenant;
                professionnelsModifies.Add(professionnel.Rpps);
            }

            var activite = professionnel.Activites.Find(a => a.IdentifiantSite == ligne.IdentifiantSite);
            if (activite is null)
            {
                activite = new ActiviteProfessionnelle { IdentifiantSite = ligne.IdentifiantSite };
                AppliquerActivite(activite, ligne, etat.References);
                professionnel.Activites.Add(activite);
                creees++;
            }
            else if (AppliquerActivite(activite, ligne, etat.References) || professionnelChange)
            {
                professionnel.MisAJourLeUtc = maintenant;
                misesAJour++;
            }
            else
            {
                // Same data as in the base, or the same line twice in the file.
                inchangees++;
            }
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await etat.Insertions.InsererAsync(db, nouveaux.Values, ct);
            await transaction.CommitAsync(ct);
            etat.Rapport.Creees += creees;
            etat.Rapport.MisesAJour += misesAJour;
            etat.Rapport.Inchangees += inchangees;
            etat.ProfessionnelsCrees += nouveaux.Count;
            etat.ProfessionnelsMisAJour += professionnelsModifies.Count;
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The transaction is rolled back: none of the batch is written, every line of it is reported.
            logger.LogError(e, "Lot RPPS rejeté (lignes {Premiere} à {Derniere})", lot[0].Ligne, lot[^1].Ligne);
            var raison = "enregistrement impossible : " + (e.InnerException ?? e).Message;
            foreach (var ligne in lot)
            {
                etat.Rejeter(ligne.Ligne, raison);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static bool AppliquerProfessionnel(Professionnel p, LigneRpps l)
    {
        var change = false;
        Affecter(p.IdentifiantNational, l.IdentifiantNational, v => p.IdentifiantNational = v, ref change);
        Affecter(p.CiviliteExercice, l.CiviliteExercice, v => p.CiviliteExercice = v, ref change);
        Affecter(p.Civilite, l.Civilite, v => p.Civilite = v, ref change);
        Affecter(p.Nom, l.Nom, v => p.Nom = v, ref change);
        Affecter(p.Prenom, l.Prenom, v => p.Prenom = v, ref change);
        Affecter(p.NomRecherche, TexteRecherche.Normaliser(l.Nom + " " + l.Prenom), v => p.NomRecherche = v, ref change);
        Affecter(p.CodeProfession, l.CodeProfession, v => p.CodeProfession = v, ref change);
        Affecter(p.CodeSpecialite, l.CodeSpecialite, v => p.CodeSpecialite = v, ref change);
        Affecter(p.Source, Type, v => p.Source = v, ref change);
        return change;
    }

    private static bool AppliquerActivite(ActiviteProfessionnelle a, LigneRpps l, References references)
    {
        var change = false;
        var codePostal = l.CodePostal;
        var incomplete = codePostal is null;
        if (codePostal is null && l.CodeCommune is not null && references.CodesPostaux.TryGetValue(l.CodeCommune, out var derive))
        {
            codePostal = derive;
        }
        int? structure = l.FinessSite is not null && references.Structures.TryGetValue(l.FinessSite, out var id) ? id : null;
        Affecter(a.ModeExercice, l.ModeExercice, v => a.ModeExercice = v, ref change);
        Affecter(a.SecteurActivite, l.SecteurActivite, v => a.SecteurActivite = v, ref change);
        Affecter(a.RaisonSociale, l.RaisonSociale, v => a.RaisonSociale = v, ref change);
        Affecter(a.Enseigne, l.Enseigne, v => a.Enseigne = v, ref change);
        Affecter(a.ComplementAdresse, l.ComplementAdresse, v => a.ComplementAdresse = v, ref change);
        Affecter(a.Voie, l.Voie, v => a.Voie = v, ref change);
        Affecter(a.CodePostal, codePostal, v => a.CodePostal = v, ref change);
        Affecter(a.CodeCommune, l.CodeCommune, v => a.CodeCommune = v, ref change);
        Affecter(a.LibelleCommune, l.LibelleCommune, v => a.LibelleCommune = v, ref change);
        Affecter(a.Telephone, l.Telephone, v => a.Telephone = v, ref change);
        Affecter(a.Email, l.Email, v => a.Email = v, ref change);
        Affecter(a.FinessSite, l.FinessSite, v => a.FinessSite = v, ref change);
        Affecter(a.FinessJuridique, l.FinessJuridique, v => a.FinessJuridique = v, ref change);
        Affecter(a.Siret, l.Siret, v => a.Siret = v, ref change);
        if (a.AdresseIncomplete != incomplete)
        {
            a.AdresseIncomplete = incomplete;
            change = true;
        }
        if (a.StructureId != structure)
        {
            a.StructureId = structure;
            change = true;
        }
        return change;
    }

    private static void Affecter(string? actuelle, string? nouvelle, Action<string> affecter, ref bool change)
    {
        if (!string.Equals(actuelle, nouvelle, StringComparison.Ordinal))
        {
            affecter(nouvelle!);
            change = true;
        }
    }

    private sealed record References(Dictionary<string, string> CodesPostaux, Dictionary<string, int> Structures);

    private sealed class EtatImport(RapportImport rapport, References references, InsertionsRpps insertions)
    {
        public RapportImport Rapport { get; } = rapport;
        public References References { get; } = references;
        public InsertionsRpps Insertions { get; } = insertions;
        public List<RejetImport> Rejets { get; } = [];
        public long ProfessionnelsCrees { get; set; }
        public long ProfessionnelsMisAJour { get; set; }

        /// <summary>Every rejection is counted; the first ones are kept with their line and reason.</summary>
        public void Rejeter(long ligne, string raison)
        {
            Rapport.Rejetees++;
            if (Rejets.Count < RejetsConserves)
            {
                Rejets.Add(new RejetImport { Ligne = ligne, Raison = raison.Length > 500 ? raison[..500] : raison });
            }
        }
    }
}
