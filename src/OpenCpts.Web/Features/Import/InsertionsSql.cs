using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Import;

/// <summary>A table's quoted name and columns, as mapped by the EF model (so both providers and any rename stay in step).</summary>
internal sealed record TableSql(string Nom, string[] Colonnes, Func<string, string> Colonne)
{
    public static TableSql De<T>(IModel modele, string[] proprietes)
    {
        var entite = modele.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} absent du modèle.");
        var table = StoreObjectIdentifier.Table(entite.GetTableName()!, entite.GetSchema());
        string Colonne(string propriete) => "\"" + entite.FindProperty(propriete)!.GetColumnName(table) + "\"";
        return new TableSql("\"" + table.Name + "\"", [.. proprietes.Select(Colonne)], Colonne);
    }
}

/// <summary>
/// The prepared <c>INSERT</c> commands of the national imports (<see cref="InsertionsRpps"/>, <see cref="InsertionsStructures"/>),
/// run inside the batch's transaction. EF Core's SaveChanges costs about 0.4 ms of CPU and 40 kB of allocations per new
/// entity (change tracking, command building), which dominates a first import of thousands of rows (bench/RESULTS.md).
/// </summary>
internal static class InsertionsSql
{
    /// <summary>
    /// Rows per INSERT. PostgreSQL: 100, to save round trips. SQLite: 1, as it has no round trip and
    /// binds named parameters in quadratic time (a 100-row statement costs more than 100 single ones).
    /// </summary>
    public static int LignesParInsertion(OpenCptsDb db) => db.EstPostgres ? 100 : 1;

    /// <summary>The batch's transaction, which the inserts join.</summary>
    public static DbTransaction Transaction(OpenCptsDb db) =>
        db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("Les insertions d'un import se font dans la transaction du lot.");

    /// <summary>A parameterised <c>INSERT</c> of <paramref name="lignes"/> rows, optionally returning a column and the id.</summary>
    public static DbCommand Commande(DbTransaction transaction, TableSql table, int lignes, string? retour)
    {
        var commande = transaction.Connection!.CreateCommand();
        commande.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO ").Append(table.Nom).Append(" (").AppendJoin(", ", table.Colonnes).Append(") VALUES ");
        var n = 0;
        for (var l = 0; l < lignes; l++)
        {
            sql.Append(l == 0 ? "(" : ", (");
            for (var c = 0; c < table.Colonnes.Length; c++, n++)
            {
                var nom = "@p" + n.ToString(CultureInfo.InvariantCulture);
                sql.Append(c == 0 ? "" : ", ").Append(nom);
                var p = commande.CreateParameter();
                p.ParameterName = nom;
                commande.Parameters.Add(p);
            }
            sql.Append(')');
        }
        if (retour is not null)
        {
            sql.Append(" RETURNING ").Append(table.Colonne(retour)).Append(", ").Append(table.Colonne("Id"));
        }
        commande.CommandText = sql.ToString();
        return commande;
    }

    /// <summary>Sets the next parameters of a command, from position <paramref name="i"/>.</summary>
    public static void Valeurs(DbParameterCollection parametres, ref int i, params object?[] valeurs)
    {
        foreach (var v in valeurs)
        {
            parametres[i++].Value = v ?? DBNull.Value;
        }
    }
}
