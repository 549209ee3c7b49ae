using System.Globalization;
using System.Text.Json;

namespace OpenCpts.Bench;

/// <summary>
/// A national-size synthetic FINESS <i>Structures</i> flux: legal entities with one to three establishments each,
/// in the shape of the official example (padded legacy strings, addresses with coordinates, contacts, events), some
/// closed. About 100 000 establishments by default, the order of the national register.
/// </summary>
public static class GenerateurFiness
{
    private static readonly string[] Categories = ["355", "365", "603", "620", "500", "460", "124", "604", "321", "101"];

    public static int Generer(string chemin, int etablissements, IReadOnlyList<string> communes)
    {
        var alea = new Random(20260309);
        var inv = CultureInfo.InvariantCulture;
        using var flux = File.Create(chemin);
        using var json = new Utf8JsonWriter(flux, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("schemaVersion", "v1.0.0");
        json.WriteString("generatedAt", "2026-03-09T15:49:37.615611300Z");
        json.WriteStartArray("gcc");
        json.WriteEndArray();
        json.WriteStartArray("pmej");
        var ecrits = 0;
        for (var ej = 0; ecrits < etablissements; ej++)
        {
            json.WriteStartObject();
            json.WriteStartObject("informationsGeneralesPMEJ");
            json.WriteString("pmSmsseId", ej.ToString(inv));
            json.WriteString("numFinessPm", "9" + ej.ToString("D8", inv));
            json.WriteString("denominationPm", $"ENTITE JURIDIQUE {ej}          ");
            json.WriteString("statutJuridique", "21");
            json.WriteEndObject();
            json.WriteStartArray("ege");
            var n = Math.Min(1 + alea.Next(3), etablissements - ecrits);
            for (var k = 0; k < n; k++, ecrits++)
            {
                var commune = alea.Next(10) == 0 ? communes[alea.Next(communes.Count)] : (1000 + alea.Next(94000)).ToString("D5", inv);
                var ferme = alea.Next(8) == 0;
                json.WriteStartObject();
                json.WriteStartObject("informationsGeneralesEGE");
                json.WriteString("egeId", ecrits.ToString(inv));
                json.WriteString("numFinessEge", "8" + ecrits.ToString("D8", inv));
                json.WriteString("nomEgeCourt", $"ETAB {ecrits}");
                json.WriteString("nomEgeLong", $"ETABLISSEMENT DE SANTE NUMERO {ecrits}                         ");
                json.WriteString("siret", "7722014890" + (ecrits % 10000).ToString("D4", inv));
                if (ferme)
                {
                    json.WriteString("dateFermeture", "2019-03-03");
                }
                json.WriteEndObject();
                json.WriteString("categorieentiteGeographiqueExercice", Categories[alea.Next(Categories.Length)]);
                json.WriteStartArray("adresse");
                json.WriteStartObject();
                json.WriteString("usageAdresse", "03");
                json.WriteString("numeroVoie", (1 + alea.Next(200)).ToString(inv));
                json.WriteString("typeVoie", "R   ");
                json.WriteString("libelleVoie", "DE LA REPUBLIQUE     ");
                json.WriteString("cogCommune", commune);
                json.WriteString("codePostal", commune);
                json.WriteString("ligneAcheminement", "COMMUNE " + commune);
                json.WriteStartObject("coordonneesGeographique");
                json.WriteString("coordonneeX", "6570414.61");
                json.WriteString("coordonneeY", "873766.07");
                json.WriteString("directionLatitude", (43 + alea.NextDouble() * 7).ToString("F6", inv));
                json.WriteString("directionLongitude", (-4 + alea.NextDouble() * 11).ToString("F6", inv));
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartArray("contact");
                json.WriteStartObject();
                json.WriteStartObject("typeContact");
                json.WriteString("roleContact", "01");
                json.WriteEndObject();
                json.WriteStartObject("telecom");
                json.WriteString("telephone", "02" + alea.Next(10_000_000, 99_999_999).ToString(inv));
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartArray("evenement");
                json.WriteStartObject();
                json.WriteString("codeEvenement", "MOD");
                json.WriteString("dateEvenement", "2024-05-06");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteString("etatObjet", ferme ? "I" : "A");
                json.WriteString("dateDerniereMaj", "2026-03-09 15:49:37");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("etatObjet", "A");
            json.WriteEndObject();
            if (ej % 1000 == 0)
            {
                json.Flush();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        return ecrits;
    }
}
