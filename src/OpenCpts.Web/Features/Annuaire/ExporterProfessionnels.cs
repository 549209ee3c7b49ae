using System.Text;
using OpenCpts.Web.Infrastructure.Exports;

namespace OpenCpts.Web.Features.Annuaire;

/// <summary>
/// Writes every professional of a search as CSV for Excel: UTF-8 with BOM, ";" separator, RFC 4180
/// quoting, and cells that a spreadsheet would run as a formula neutralised with a leading quote.
/// </summary>
public sealed class ExporterProfessionnels(RechercherProfessionnels recherche)
{
    public const char Separateur = ';';

    private static readonly string[] Entetes =
        ["RPPS", "Civilité", "Nom", "Prénom", "Profession", "Spécialité", "Membre", "Commune(s)", "Téléphone(s)", "Compétences"];

    public async Task EcrireAsync(FiltreProfessionnels filtre, Stream flux, CancellationToken ct = default)
    {
        // Async all the way: the response body refuses synchronous writes.
        await using var ecrivain = new StreamWriter(flux, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 16 * 1024, leaveOpen: true);
        await ecrivain.WriteAsync('\uFEFF');
        await ecrivain.WriteAsync(Ligne(Entetes));
        await foreach (var p in recherche.TousAsync(filtre, ct))
        {
            await ecrivain.WriteAsync(Ligne(
            [
                p.Rpps,
                Civilites.Libelle(p.CiviliteExercice, p.Civilite),
                p.Nom,
                p.Prenom,
                p.Profession,
                p.Specialite ?? "",
                p.Membre ? "oui" : "non",
                string.Join(", ", p.Communes),
                string.Join(", ", p.Telephones),
                string.Join(", ", p.Competences),
            ]));
        }
        await ecrivain.FlushAsync(ct);
    }

    private static string Ligne(IEnumerable<string> cellules) =>
        string.Join(Separateur, cellules.Select(Cellule)) + "\r\n";

    /// <summary>One escaped cell (see <see cref="Tableur.CelluleCsv"/>).</summary>
    public static string Cellule(string? valeur) => Tableur.CelluleCsv(valeur);
}
