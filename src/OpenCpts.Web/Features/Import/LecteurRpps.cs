using System.Text;
using OpenCpts.Web.Infrastructure.Terminologies;
using Sylvan.Data.Csv;

namespace OpenCpts.Web.Features.Import;

/// <summary>One kept activity line of the RPPS extraction, already validated.</summary>
public sealed record LigneRpps
{
    public required long Ligne { get; init; }
    public required string Rpps { get; init; }
    public required string IdentifiantNational { get; init; }
    public string? CiviliteExercice { get; init; }
    public string? Civilite { get; init; }
    public required string Nom { get; init; }
    public required string Prenom { get; init; }
    public required string CodeProfession { get; init; }
    public string? CodeSpecialite { get; init; }
    public required string ModeExercice { get; init; }
    public required string IdentifiantSite { get; init; }
    public string? SecteurActivite { get; init; }
    public string? RaisonSociale { get; init; }
    public string? Enseigne { get; init; }
    public string? ComplementAdresse { get; init; }
    public string? Voie { get; init; }
    public string? CodePostal { get; init; }
    public string? CodeCommune { get; init; }
    public string? LibelleCommune { get; init; }
    public string? Telephone { get; init; }
    public string? Email { get; init; }
    public string? FinessSite { get; init; }
    public string? FinessJuridique { get; init; }
    public string? Siret { get; init; }
}

public enum StatutLigne
{
    /// <summary>A valid RPPS line of the territory (or of anywhere with --all).</summary>
    Retenue,
    /// <summary>Out of the territory, or not an RPPS identifier (ADELI): skipped without error.</summary>
    Ignoree,
    /// <summary>A malformed line, reported with its number and reason.</summary>
    Rejetee,
}

/// <summary>The outcome of reading one line: kept data, skipped, or rejected with a reason.</summary>
public readonly record struct LectureLigne(StatutLigne Statut, long Ligne, LigneRpps? Donnees, string? Raison);

/// <summary>Outcome of opening a file: a reader positioned after the header, or a refusal.</summary>
public abstract record OuvertureRpps
{
    public sealed record Ouvert(LecteurRpps Lecteur) : OuvertureRpps;
    public sealed record Refuse(string Message) : OuvertureRpps;
}

/// <summary>
/// Streaming reader of the Annuaire Santé extraction <c>PS_LibreAcces_Personne_activite_*.txt</c>
/// (pipe-separated, no quoting, trailing pipe). Columns are found by header name because the ANS
/// has changed their order and capitalisation over time. The national file has about two million
/// lines of which a CPTS keeps a few thousand, so the commune is tested on the raw field span
/// before any other string of the line is materialised.
/// </summary>
public sealed class LecteurRpps : IDisposable
{
    internal const string ColType = "Type d'identifiant PP";
    internal const string ColRpps = "Identifiant PP";
    internal const string ColIdNational = "Identification nationale PP";
    internal const string ColCiviliteExercice = "Code civilité d'exercice";
    internal const string ColCivilite = "Code civilité";
    internal const string ColNom = "Nom d'exercice";
    internal const string ColPrenom = "Prénom d'exercice";
    internal const string ColProfession = "Code profession";
    internal const string ColTypeSavoirFaire = "Code type savoir-faire";
    internal const string ColSavoirFaire = "Code savoir-faire";
    internal const string ColMode = "Code mode exercice";
    internal const string ColSiret = "Numéro SIRET site";
    internal const string ColFinessSite = "Numéro FINESS site";
    internal const string ColFinessJuridique = "Numéro FINESS établissement juridique";
    internal const string ColIdSite = "Identifiant technique de la structure";
    internal const string ColRaisonSociale = "Raison sociale site";
    internal const string ColEnseigne = "Enseigne commerciale site";
    internal const string ColComplementGeo = "Complément point géographique (coord. structure)";
    internal const string ColNumeroVoie = "Numéro Voie (coord. structure)";
    internal const string ColIndice = "Indice répétition voie (coord. structure)";
    internal const string ColCodeTypeVoie = "Code type de voie (coord. structure)";
    internal const string ColTypeVoie = "Libellé type de voie (coord. structure)";
    internal const string ColVoie = "Libellé Voie (coord. structure)";
    internal const string ColDistribution = "Mention distribution (coord. structure)";
    internal const string ColCodePostal = "Code postal (coord. structure)";
    internal const string ColCommune = "Code commune (coord. structure)";
    internal const string ColLibelleCommune = "Libellé commune (coord. structure)";
    internal const string ColTelephone = "Téléphone (coord. structure)";
    internal const string ColEmail = "Adresse e-mail (coord. structure)";
    internal const string ColAncienIdSite = "Ancien identifiant de la structure";
    internal const string ColSecteur = "Code secteur d'activité";

    /// <summary>The columns the import reads; any other column is ignored.</summary>
    public static readonly IReadOnlyList<string> ColonnesRequises =
    [
        ColType, ColRpps, ColIdNational, ColCiviliteExercice, ColCivilite, ColNom, ColPrenom, ColProfession,
        ColTypeSavoirFaire, ColSavoirFaire, ColMode, ColSiret, ColFinessSite, ColFinessJuridique, ColIdSite,
        ColRaisonSociale, ColEnseigne, ColComplementGeo, ColNumeroVoie, ColIndice, ColCodeTypeVoie, ColTypeVoie,
        ColVoie, ColDistribution, ColCodePostal, ColCommune, ColLibelleCommune, ColTelephone, ColEmail,
        ColAncienIdSite, ColSecteur,
    ];

    private readonly TextReader _texte;
    private readonly CsvDataReader _csv;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _territoire;
    private readonly int _champsAttendus;
    private readonly bool _enteteSansSeparateurFinal;
    private readonly int _type, _rpps, _idNational, _civiliteExercice, _civilite, _nom, _prenom, _profession,
        _typeSavoirFaire, _savoirFaire, _mode, _siret, _finessSite, _finessJuridique, _idSite, _raisonSociale,
        _enseigne, _complementGeo, _numeroVoie, _indice, _codeTypeVoie, _typeVoie, _voie, _distribution,
        _codePostal, _commune, _libelleCommune, _telephone, _email, _ancienIdSite, _secteur;
    private long _ligne = 1;

    private LecteurRpps(TextReader texte, CsvDataReader csv, Dictionary<string, int> colonnes, HashSet<string>? territoire)
    {
        _texte = texte;
        _csv = csv;
        if (territoire is not null)
        {
            _territoire = new HashSet<string>(territoire, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        }
        _champsAttendus = csv.FieldCount;
        // Every line, header included, ends with a pipe. A header without it is tolerated (its lines
        // then have one more, empty, field); a line lacking a field is not, since every value after
        // the gap would land in the wrong column.
        _enteteSansSeparateurFinal = csv.GetName(csv.FieldCount - 1).Trim().Length > 0;
        _type = colonnes[ColType];
        _rpps = colonnes[ColRpps];
        _idNational = colonnes[ColIdNational];
        _civiliteExercice = colonnes[ColCiviliteExercice];
        _civilite = colonnes[ColCivilite];
        _nom = colonnes[ColNom];
        _prenom = colonnes[ColPrenom];
        _profession = colonnes[ColProfession];
        _typeSavoirFaire = colonnes[ColTypeSavoirFaire];
        _savoirFaire = colonnes[ColSavoirFaire];
        _mode = colonnes[ColMode];
        _siret = colonnes[ColSiret];
        _finessSite = colonnes[ColFinessSite];
        _finessJuridique = colonnes[ColFinessJuridique];
        _idSite = colonnes[ColIdSite];
        _raisonSociale = colonnes[ColRaisonSociale];
        _enseigne = colonnes[ColEnseigne];
        _complementGeo = colonnes[ColComplementGeo];
        _numeroVoie = colonnes[ColNumeroVoie];
        _indice = colonnes[ColIndice];
        _codeTypeVoie = colonnes[ColCodeTypeVoie];
        _typeVoie = colonnes[ColTypeVoie];
        _voie = colonnes[ColVoie];
        _distribution = colonnes[ColDistribution];
        _codePostal = colonnes[ColCodePostal];
        _commune = colonnes[ColCommune];
        _libelleCommune = colonnes[ColLibelleCommune];
        _telephone = colonnes[ColTelephone];
        _email = colonnes[ColEmail];
        _ancienIdSite = colonnes[ColAncienIdSite];
        _secteur = colonnes[ColSecteur];
    }

    /// <summary>Number of the last line read (1 = header).</summary>
    public long Ligne => _ligne;

    /// <summary>
    /// Opens the extraction and checks its header. <paramref name="territoire"/> = INSEE codes to
    /// keep; null keeps every line (<c>--all</c>). The stream is read as UTF-8 (BOM or not).
    /// </summary>
    public static OuvertureRpps Ouvrir(Stream flux, IReadOnlySet<string>? territoire, bool laisserOuvert = false)
    {
        // A large buffer: the parser is the hot path on a file of hundreds of megabytes.
        var texte = new StreamReader(flux, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: laisserOuvert);
        return Ouvrir(texte, territoire);
    }

    public static OuvertureRpps Ouvrir(TextReader texte, IReadOnlySet<string>? territoire)
    {
        CsvDataReader csv;
        try
        {
            csv = CsvDataReader.Create(texte, new CsvDataReaderOptions
            {
                Delimiter = '|',
                HasHeaders = true,
                // The extraction never quotes nor escapes: a quote inside a name is a plain character.
                CsvStyle = CsvStyle.Escaped,
                Escape = '\0',
                BufferSize = 1 << 16,
                OwnsReader = false,
            });
        }
        catch (CsvFormatException e)
        {
            texte.Dispose();
            return new OuvertureRpps.Refuse($"Fichier illisible : {e.Message}");
        }
        var colonnes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            colonnes.TryAdd(csv.GetName(i).Trim(), i);
        }
        var manquantes = ColonnesRequises.Where(c => !colonnes.ContainsKey(c)).ToList();
        if (csv.FieldCount == 0 || manquantes.Count > 0)
        {
            csv.Dispose();
            texte.Dispose();
            return new OuvertureRpps.Refuse(
                "Ce fichier n'est pas une extraction RPPS PS_LibreAcces_Personne_activite. Colonnes manquantes : "
                + string.Join(", ", manquantes));
        }
        return new OuvertureRpps.Ouvert(new LecteurRpps(texte, csv, colonnes,
            territoire is null ? null : territoire as HashSet<string> ?? [.. territoire]));
    }

    /// <summary>Reads the next line; false at the end of the file.</summary>
    public bool Lire(out LectureLigne lecture)
    {
        if (!_csv.Read())
        {
            lecture = default;
            return false;
        }
        _ligne++;
        lecture = Analyser();
        return true;
    }

    private LectureLigne Analyser()
    {
        var n = _csv.RowFieldCount;
        var attendu = n == _champsAttendus
            || (_enteteSansSeparateurFinal && n == _champsAttendus + 1 && _csv.GetFieldSpan(n - 1).IsWhiteSpace());
        if (!attendu)
        {
            return Rejet($"nombre de champs incorrect : {n} au lieu de {_champsAttendus}");
        }
        if (_territoire is { } territoire && !territoire.Contains(_csv.GetFieldSpan(_commune).Trim()))
        {
            return new LectureLigne(StatutLigne.Ignoree, _ligne, null, null);
        }
        if (!_csv.GetFieldSpan(_type).Trim().SequenceEqual("8"))
        {
            // ADELI (type 0) and other identifiers are not RPPS professionals.
            return new LectureLigne(StatutLigne.Ignoree, _ligne, null, null);
        }
        var rpps = Texte(_rpps);
        if (rpps.Length != 11 || !rpps.All(char.IsAsciiDigit))
        {
            return Rejet("numéro RPPS invalide (11 chiffres attendus)");
        }
        if (!CleLuhnValide(rpps))
        {
            return Rejet("clé RPPS invalide");
        }
        var idNational = Texte(_idNational);
        if (idNational != "8" + rpps)
        {
            return Rejet("identification nationale incohérente avec le numéro RPPS");
        }
        var profession = Texte(_profession);
        if (!Terminologies.Instance.Professions.Existe(profession))
        {
            return Rejet(profession.Length == 0 ? "code profession absent" : $"code profession inconnu : {profession}");
        }
        var nom = Texte(_nom);
        if (nom.Length == 0)
        {
            return Rejet("nom d'exercice absent");
        }
        var specialite = Texte(_typeSavoirFaire) == "S" ? TexteOuNull(_savoirFaire) : null;
        var mode = Texte(_mode);
        var site = TexteOuNull(_idSite) ?? TexteOuNull(_ancienIdSite) ?? "";
        return new LectureLigne(StatutLigne.Retenue, _ligne, new LigneRpps
        {
            Ligne = _ligne,
            Rpps = rpps,
            IdentifiantNational = idNational,
            CiviliteExercice = Court(TexteOuNull(_civiliteExercice), 4),
            Civilite = Court(TexteOuNull(_civilite), 4),
            Nom = Court(nom, 100)!,
            Prenom = Court(Texte(_prenom), 100)!,
            CodeProfession = Court(profession, 4)!,
            CodeSpecialite = Court(specialite, 8),
            ModeExercice = mode.Length == 1 ? mode : "L",
            IdentifiantSite = Court(site, 40)!,
            SecteurActivite = Court(TexteOuNull(_secteur), 8),
            RaisonSociale = Court(TexteOuNull(_raisonSociale), 200),
            Enseigne = Court(TexteOuNull(_enseigne), 200),
            ComplementAdresse = Court(Joindre(", ", TexteOuNull(_complementGeo), TexteOuNull(_distribution)), 200),
            Voie = Court(Voie(), 200),
            CodePostal = Court(TexteOuNull(_codePostal), 5),
            CodeCommune = Court(TexteOuNull(_commune), 5),
            LibelleCommune = Court(TexteOuNull(_libelleCommune), 100),
            Telephone = Court(TexteOuNull(_telephone), 20),
            Email = Court(TexteOuNull(_email), 200),
            FinessSite = Court(TexteOuNull(_finessSite), 9),
            FinessJuridique = Court(TexteOuNull(_finessJuridique), 9),
            Siret = Court(TexteOuNull(_siret), 14),
        }, null);
    }

    /// <summary>"47 B AVENUE DES ACACIAS": the street line as printed on an envelope.</summary>
    private string? Voie()
    {
        var type = TexteOuNull(_typeVoie)?.ToUpperInvariant() ?? TexteOuNull(_codeTypeVoie);
        return Joindre(" ", TexteOuNull(_numeroVoie), TexteOuNull(_indice), type, TexteOuNull(_voie));
    }

    private LectureLigne Rejet(string raison) => new(StatutLigne.Rejetee, _ligne, null, raison);

    private string Texte(int colonne) => _csv.GetFieldSpan(colonne).Trim().ToString();

    private string? TexteOuNull(int colonne)
    {
        var span = _csv.GetFieldSpan(colonne).Trim();
        return span.IsEmpty ? null : span.ToString();
    }

    private static string? Court(string? texte, int longueur) =>
        texte is null || texte.Length <= longueur ? texte : texte[..longueur];

    private static string? Joindre(string separateur, params string?[] parties)
    {
        var presentes = parties.Where(p => p is not null).ToArray();
        return presentes.Length == 0 ? null : string.Join(separateur, presentes);
    }

    /// <summary>Luhn check of a string of digits whose last digit is the key (RPPS, FINESS, SIRET).</summary>
    public static bool CleLuhnValide(ReadOnlySpan<char> chiffres)
    {
        if (chiffres.IsEmpty)
        {
            return false;
        }
        var somme = 0;
        var doubler = false;
        for (var i = chiffres.Length - 1; i >= 0; i--)
        {
            var c = chiffres[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            var d = c - '0';
            if (doubler)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            somme += d;
            doubler = !doubler;
        }
        return somme % 10 == 0;
    }

    public void Dispose()
    {
        _csv.Dispose();
        _texte.Dispose();
    }
}
