using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace OpenCpts.Web.Features.Import;

/// <summary>One establishment (FINESS ET) of the <i>Structures</i> flux, with its legal entity, strings trimmed.</summary>
public sealed record EtablissementFiness(
    string? FinessEt, string? FinessEj, string? Siret, string Nom, string? Categorie, string? CodeCommune, string? CodePostal,
    string? Voie, string? LibelleCommune, string? Telephone, string? Email, double? Latitude, double? Longitude,
    bool Ferme, DateOnly? DateFermeture);

/// <summary>The flux was not a FINESS <i>Structures</i> JSON file.</summary>
public sealed class FichierFinessInvalideException(string message) : Exception(message);

/// <summary>
/// Reads the FINESS open-data <i>Structures</i> flux (JSON, <c>../shared/reference/finess</c>) as a stream: the
/// national file is large, so the legal entities of <c>pmej</c> are parsed one at a time from a sliding buffer and
/// never all held in memory.
/// </summary>
public static class LecteurFiness
{
    private const int TailleTampon = 1 << 16;

    /// <summary>Each establishment of each legal entity, in file order; <see cref="FichierFinessInvalideException"/> when the
    /// flux is not JSON or has no <c>pmej</c> array.</summary>
    public static async IAsyncEnumerable<EtablissementFiness> LireAsync(Stream flux, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var tampon = ArrayPool<byte>.Shared.Rent(TailleTampon);
        try
        {
            var lecture = new EtatLecture();
            var rempli = 0;
            var fin = false;
            while (!lecture.Termine)
            {
                if (!fin)
                {
                    if (rempli == tampon.Length)
                    {
                        // One legal entity larger than the buffer: grow it.
                        var plusGrand = ArrayPool<byte>.Shared.Rent(tampon.Length * 2);
                        tampon.AsSpan(0, rempli).CopyTo(plusGrand);
                        ArrayPool<byte>.Shared.Return(tampon);
                        tampon = plusGrand;
                    }
                    var lus = await flux.ReadAsync(tampon.AsMemory(rempli), ct);
                    fin = lus == 0;
                    rempli += lus;
                }
                List<EtablissementFiness> etablissements;
                int consommes;
                try
                {
                    (etablissements, consommes) = Avancer(tampon.AsSpan(0, rempli), fin, lecture);
                }
                catch (JsonException e)
                {
                    throw new FichierFinessInvalideException($"Ce fichier n'est pas un flux FINESS « Structures » lisible (JSON invalide : {e.Message}).");
                }
                foreach (var etablissement in etablissements)
                {
                    yield return etablissement;
                }
                tampon.AsSpan(consommes, rempli - consommes).CopyTo(tampon);
                rempli -= consommes;
                if (fin && !lecture.Termine)
                {
                    throw new FichierFinessInvalideException(lecture.TableauVu
                        ? "Le flux FINESS est tronqué : le tableau « pmej » n'est pas fermé."
                        : "Ce fichier n'est pas un flux FINESS « Structures » : il n'a pas de tableau « pmej » (entités juridiques).");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(tampon);
        }
    }

    /// <summary>
    /// Reads the flux up to its first establishment: null when it is a FINESS <i>Structures</i> flux (or one without
    /// establishments), else why not. The upload page refuses a wrong file with this, before anything is written.
    /// </summary>
    public static async Task<string?> VerifierAsync(Stream flux, CancellationToken ct = default)
    {
        try
        {
            await foreach (var _ in LireAsync(flux, ct))
            {
                break;
            }
            return null;
        }
        catch (FichierFinessInvalideException e)
        {
            return e.Message;
        }
    }

    private sealed class EtatLecture
    {
        public JsonReaderState Etat;
        public bool AttendTableau;
        public bool DansTableau;
        public bool TableauVu;
        public bool Termine;
    }

    /// <summary>Parses what the buffer holds: the establishments of the complete legal entities of <c>pmej</c> (each
    /// entity's document is read and released at once), and how many bytes were used.</summary>
    private static (List<EtablissementFiness> Etablissements, int Consommes) Avancer(ReadOnlySpan<byte> donnees, bool fin, EtatLecture lecture)
    {
        var etablissements = new List<EtablissementFiness>();
        var lecteur = new Utf8JsonReader(donnees, fin, lecture.Etat);
        while (!lecture.Termine)
        {
            if (!lecture.DansTableau)
            {
                if (!lecteur.Read())
                {
                    break;
                }
                if (lecteur.CurrentDepth == 0 && lecteur.TokenType != JsonTokenType.StartObject && lecteur.TokenType != JsonTokenType.EndObject)
                {
                    throw new FichierFinessInvalideException("Ce fichier n'est pas un flux FINESS « Structures » : un objet JSON est attendu.");
                }
                if (lecteur.TokenType == JsonTokenType.PropertyName && lecteur.CurrentDepth == 1)
                {
                    lecture.AttendTableau = lecteur.ValueTextEquals("pmej"u8);
                }
                else if (lecture.AttendTableau && lecteur.TokenType == JsonTokenType.StartArray)
                {
                    lecture.DansTableau = lecture.TableauVu = true;
                    lecture.AttendTableau = false;
                }
                else if (lecture.AttendTableau)
                {
                    throw new FichierFinessInvalideException("Le champ « pmej » du flux FINESS doit être un tableau.");
                }
                continue;
            }
            var avant = lecteur;
            if (!lecteur.Read())
            {
                break;
            }
            if (lecteur.TokenType == JsonTokenType.EndArray)
            {
                lecture.DansTableau = false;
                lecture.Termine = true;
                break;
            }
            if (!JsonDocument.TryParseValue(ref lecteur, out var document))
            {
                // The entity continues in the next block: read it again from its start.
                lecteur = avant;
                break;
            }
            using (document)
            {
                etablissements.AddRange(Etablissements(document.RootElement));
            }
        }
        lecture.Etat = lecteur.CurrentState;
        return (etablissements, (int)lecteur.BytesConsumed);
    }

    private static IEnumerable<EtablissementFiness> Etablissements(JsonElement entite)
    {
        var ej = Texte(Objet(entite, "informationsGeneralesPMEJ"), "numFinessPm");
        if (!entite.TryGetProperty("ege", out var eges) || eges.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }
        foreach (var ege in eges.EnumerateArray())
        {
            var infos = Objet(ege, "informationsGeneralesEGE");
            var adresse = ege.TryGetProperty("adresse", out var adresses) && adresses.ValueKind == JsonValueKind.Array && adresses.GetArrayLength() > 0
                ? adresses[0]
                : default;
            var coordonnees = adresse.ValueKind == JsonValueKind.Object ? Objet(adresse, "coordonneesGeographique") : default;
            var voie = string.Join(' ', new[] { Texte(adresse, "numeroVoie"), Texte(adresse, "typeVoie"), Texte(adresse, "libelleVoie") }
                .Where(p => !string.IsNullOrEmpty(p)));
            var telecoms = ege.TryGetProperty("contact", out var contacts) && contacts.ValueKind == JsonValueKind.Array
                ? contacts.EnumerateArray().Select(c => Objet(c, "telecom")).Where(t => t.ValueKind == JsonValueKind.Object).ToList()
                : [];
            var fermeture = Date(Texte(infos, "dateFermeture"));
            yield return new EtablissementFiness(
                Texte(infos, "numFinessEge"), ej, Texte(infos, "siret"),
                Texte(infos, "nomEgeLong") ?? Texte(infos, "nomEgeCourt") ?? "",
                CategorieDe(ege),
                Texte(adresse, "cogCommune"), Texte(adresse, "codePostal"), voie.Length == 0 ? null : voie, Texte(adresse, "ligneAcheminement"),
                telecoms.Select(t => Texte(t, "telephone")).FirstOrDefault(t => t is not null),
                telecoms.Select(t => Texte(t, "courriel")).FirstOrDefault(t => t is not null),
                Nombre(Texte(coordonnees, "directionLatitude")), Nombre(Texte(coordonnees, "directionLongitude")),
                Texte(ege, "etatObjet") == "I" || fermeture is not null, fermeture);
        }
    }

    /// <summary>The establishment's category: a code, or an object carrying one, depending on the flux version.</summary>
    private static string? CategorieDe(JsonElement ege)
    {
        if (!ege.TryGetProperty("categorieentiteGeographiqueExercice", out var c))
        {
            return null;
        }
        return c.ValueKind switch
        {
            JsonValueKind.String => Nettoyer(c.GetString()),
            JsonValueKind.Object => Texte(c, "code") ?? Texte(c, "categorie"),
            _ => null,
        };
    }

    private static JsonElement Objet(JsonElement parent, string nom) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(nom, out var e) && e.ValueKind == JsonValueKind.Object ? e : default;

    private static string? Texte(JsonElement parent, string nom) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(nom, out var e) && e.ValueKind == JsonValueKind.String ? Nettoyer(e.GetString()) : null;

    // Legacy values are right-padded with spaces.
    private static string? Nettoyer(string? valeur) => string.IsNullOrWhiteSpace(valeur) ? null : valeur.Trim();

    private static DateOnly? Date(string? valeur) =>
        DateOnly.TryParseExact(valeur, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static double? Nombre(string? valeur) =>
        double.TryParse(valeur, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
}
