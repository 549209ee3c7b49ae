using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Infrastructure.Data;
using static OpenCpts.Web.Features.Import.InsertionsSql;

namespace OpenCpts.Web.Features.Import;

/// <summary>
/// Inserts new professionals and their activities with prepared commands, inside the batch's
/// transaction (<see cref="InsertionsSql"/>). A first import creates thousands of them, and EF's
/// SaveChanges on SQLite cost about 0.4 ms of CPU and 40 kB of allocations per entity there
/// (measured with bench/OpenCpts.Bench); multi-row INSERTs of 100 rows cost a fraction of that on
/// both providers and spare PostgreSQL one round trip per row. Updates stay with EF (few, and change-tracked).
/// </summary>
internal sealed class InsertionsRpps(IModel modele)
{
    private static readonly string[] ColonnesProfessionnel =
    [
        nameof(Professionnel.Rpps), nameof(Professionnel.IdentifiantNational), nameof(Professionnel.CiviliteExercice),
        nameof(Professionnel.Civilite), nameof(Professionnel.Nom), nameof(Professionnel.Prenom), nameof(Professionnel.NomRecherche),
        nameof(Professionnel.CodeProfession), nameof(Professionnel.CodeSpecialite), nameof(Professionnel.Source),
        nameof(Professionnel.CreeLeUtc), nameof(Professionnel.MisAJourLeUtc),
    ];

    private static readonly string[] ColonnesActivite =
    [
        nameof(ActiviteProfessionnelle.ProfessionnelId), nameof(ActiviteProfessionnelle.IdentifiantSite),
        nameof(ActiviteProfessionnelle.ModeExercice), nameof(ActiviteProfessionnelle.SecteurActivite),
        nameof(ActiviteProfessionnelle.RaisonSociale), nameof(ActiviteProfessionnelle.Enseigne),
        nameof(ActiviteProfessionnelle.ComplementAdresse), nameof(ActiviteProfessionnelle.Voie),
        nameof(ActiviteProfessionnelle.CodePostal), nameof(ActiviteProfessionnelle.CodeCommune),
        nameof(ActiviteProfessionnelle.LibelleCommune), nameof(ActiviteProfessionnelle.Telephone),
        nameof(ActiviteProfessionnelle.Email), nameof(ActiviteProfessionnelle.FinessSite),
        nameof(ActiviteProfessionnelle.FinessJuridique), nameof(ActiviteProfessionnelle.Siret),
        nameof(ActiviteProfessionnelle.AdresseIncomplete), nameof(ActiviteProfessionnelle.StructureId),
    ];

    private readonly TableSql _professionnels = TableSql.De<Professionnel>(modele, ColonnesProfessionnel);
    private readonly TableSql _activites = TableSql.De<ActiviteProfessionnelle>(modele, ColonnesActivite);

    public async Task InsererAsync(OpenCptsDb db, IReadOnlyCollection<Professionnel> professionnels, CancellationToken ct)
    {
        var transaction = Transaction(db);
        var taille = LignesParInsertion(db);
        // Commands are reused while the row count is the same: every chunk but the last.
        var commandes = new Dictionary<(TableSql, int), DbCommand>();
        DbCommand Obtenir(TableSql table, int lignes, string? retour)
        {
            if (!commandes.TryGetValue((table, lignes), out var commande))
            {
                commande = Commande(transaction, table, lignes, retour);
                commandes[(table, lignes)] = commande;
            }
            return commande;
        }
        try
        {
            await InsererAsync(professionnels, taille, Obtenir, ct);
        }
        finally
        {
            foreach (var commande in commandes.Values)
            {
                await commande.DisposeAsync();
            }
        }
    }

    private async Task InsererAsync(IReadOnlyCollection<Professionnel> professionnels, int taille,
        Func<TableSql, int, string?, DbCommand> commande, CancellationToken ct)
    {
        foreach (var paquet in professionnels.Chunk(taille))
        {
            {
                var insertion = commande(_professionnels, paquet.Length, "Rpps");
                var i = 0;
                foreach (var p in paquet)
                {
                    Valeurs(insertion.Parameters, ref i, p.Rpps, p.IdentifiantNational, p.CiviliteExercice, p.Civilite, p.Nom, p.Prenom,
                        p.NomRecherche, p.CodeProfession, p.CodeSpecialite, p.Source, p.CreeLeUtc, p.MisAJourLeUtc);
                }
                // RETURNING does not promise the order of VALUES: the generated ids are matched on the RPPS number.
                var ids = new Dictionary<string, int>(paquet.Length, StringComparer.Ordinal);
                await using (var lecteur = await insertion.ExecuteReaderAsync(ct))
                {
                    while (await lecteur.ReadAsync(ct))
                    {
                        ids[lecteur.GetString(0)] = lecteur.GetInt32(1);
                    }
                }
                foreach (var p in paquet)
                {
                    p.Id = ids[p.Rpps];
                }
            }
            foreach (var activites in paquet.SelectMany(p => p.Activites, (p, a) => (p, a)).Chunk(taille))
            {
                var insertion = commande(_activites, activites.Length, null);
                var i = 0;
                foreach (var (p, a) in activites)
                {
                    a.ProfessionnelId = p.Id;
                    Valeurs(insertion.Parameters, ref i, a.ProfessionnelId, a.IdentifiantSite, a.ModeExercice, a.SecteurActivite,
                        a.RaisonSociale, a.Enseigne, a.ComplementAdresse, a.Voie, a.CodePostal, a.CodeCommune, a.LibelleCommune,
                        a.Telephone, a.Email, a.FinessSite, a.FinessJuridique, a.Siret, a.AdresseIncomplete, a.StructureId);
                }
                await insertion.ExecuteNonQueryAsync(ct);
            }
        }
    }
}
