using System.Globalization;
using System.IO.Compression;
using System.Text;
using OpenCpts.Web.Features.Import;
using OpenCpts.Web.Features.Territoire;

namespace OpenCpts.Bench;

/// <summary>
/// Writes a national-size synthetic extraction in the real format: persons with 1–3 activity rows,
/// valid Luhn RPPS numbers, a few ADELI rows, sites spread over every French commune by population,
/// except that a fixed share of rows (0.5 %) is drawn in the bench territory so that the import keeps
/// a realistic few thousand rows. Deterministic (fixed seed): same arguments, same file.
/// </summary>
internal static class GenerateurRpps
{
    public const double PartTerritoire = 0.005;

    private static readonly (string Code, string Libelle, string Autorite, double Poids)[] Professions =
    [
        ("10", "Médecin", "CNOM", 0.30),
        ("60", "Infirmier", "ONI", 0.33),
        ("70", "Masseur-Kinésithérapeute", "CNOMK", 0.13),
        ("21", "Pharmacien", "CNOP", 0.10),
        ("40", "Chirurgien-Dentiste", "ONCD", 0.06),
        ("50", "Sage-Femme", "CNOSF", 0.03),
        ("80", "Pédicure-Podologue", "CNOPP", 0.02),
        ("91", "Orthophoniste", "ARS", 0.03),
    ];

    private static readonly string[] Noms = ["MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU", "SIMON", "LAURENT", "LEFEBVRE", "MICHEL", "GARCIA", "DAVID", "BERTRAND", "ROUX", "VINCENT", "FOURNIER", "MOREL", "GIRARD", "ANDRE", "LEFEVRE", "MERCIER", "DUPONT", "LAMBERT", "BONNET", "FRANCOIS", "MARTINEZ", "D'ALÈNE", "LE GALL", "ÉTIÉVANT-ROUX"];
    private static readonly string[] Prenoms = ["MARIE", "JEAN", "PIERRE", "ANNE", "CLAIRE", "NICOLAS", "JULIE", "THOMAS", "SOPHIE", "LUCAS", "EMMA", "LÉA", "HUGO", "CHLOÉ", "LOUIS", "MARIE-HÉLÈNE", "JEAN-FRANÇOIS"];
    private static readonly (string Code, string Libelle)[] TypesVoie = [("R", "Rue"), ("AV", "Avenue"), ("BD", "Boulevard"), ("PL", "Place"), ("CHE", "Chemin"), ("RTE", "Route"), ("ALL", "Allée"), ("IMP", "Impasse")];
    private static readonly string[] Voies = ["DES ACACIAS", "DE LA REPUBLIQUE", "DU GENERAL DE GAULLE", "VICTOR HUGO", "DES TILLEULS", "DE LA GARE", "JEAN JAURES", "PASTEUR", "DES ECOLES", "DU MARCHE"];

    public static int Generer(string chemin, int lignes, IReadOnlyList<string> territoire)
    {
        var communes = ChargerCommunes();
        var cumul = new double[communes.Count];
        double somme = 0;
        for (var i = 0; i < communes.Count; i++)
        {
            somme += Math.Max(communes[i].Population, 1);
            cumul[i] = somme;
        }
        var duTerritoire = communes.Where(c => territoire.Contains(c.Code)).ToArray();
        var aleatoire = new Random(20261123);
        var sb = new StringBuilder(1024);
        using var sortie = new StreamWriter(chemin, false, new UTF8Encoding(false), 1 << 20);
        sortie.Write(EnTete);
        sortie.Write('\n');
        long numero = 1_000_000_000; // RPPS without key: "1" + 9 digits, then the Luhn key
        var ecrites = 0;
        while (ecrites < lignes)
        {
            numero++;
            var activites = aleatoire.NextDouble() switch { < 0.75 => 1, < 0.93 => 2, _ => 3 };
            var adeli = aleatoire.NextDouble() < 0.03;
            var profession = Tirer(aleatoire);
            var nom = Noms[aleatoire.Next(Noms.Length)];
            var prenom = Prenoms[aleatoire.Next(Prenoms.Length)];
            var femme = aleatoire.Next(2) == 0;
            var rpps = numero.ToString(CultureInfo.InvariantCulture);
            rpps += CleLuhn(rpps);
            var identifiant = adeli ? (180000000 + (numero % 99999999)).ToString(CultureInfo.InvariantCulture) : rpps;
            Commune? commune = null;
            for (var a = 0; a < activites && ecrites < lignes; a++, ecrites++)
            {
                if (commune is null || aleatoire.NextDouble() < 0.3)
                {
                    commune = aleatoire.NextDouble() < PartTerritoire && duTerritoire.Length > 0
                        ? duTerritoire[aleatoire.Next(duTerritoire.Length)]
                        : communes[IndiceCumule(cumul, aleatoire.NextDouble() * somme)];
                }
                EcrireLigne(sb, aleatoire, adeli, identifiant, profession, nom, prenom, femme, commune, a);
                sortie.Write(sb);
                sb.Clear();
            }
        }
        return ecrites;
    }

    private static void EcrireLigne(StringBuilder sb, Random r, bool adeli, string id, (string Code, string Libelle, string Autorite, double Poids) pro,
        string nom, string prenom, bool femme, Commune c, int rang)
    {
        var medecin = pro.Code == "10";
        var pharmacie = pro.Code == "21";
        var site = pharmacie ? $"F{c.Code[..2]}99{r.Next(10000, 99999)}" : $"C{id}{rang:00}";
        var type = TypesVoie[r.Next(TypesVoie.Length)];
        var voie = Voies[r.Next(Voies.Length)];
        var raison = pharmacie ? $"PHARMACIE {voie}" : $"CABINET {pro.Libelle.ToUpperInvariant()} {voie}";
        var cp = c.CodePostal;
        void F(string? v) => sb.Append(v).Append('|');
        F(adeli ? "0" : "8"); F(id); F((adeli ? "0" : "8") + id);
        F(medecin || pharmacie ? "DR" : ""); F(medecin || pharmacie ? "Docteur" : "");
        F(femme ? "MME" : "M"); F(femme ? "Madame" : "Monsieur");
        F(nom); F(prenom); F(pro.Code); F(pro.Libelle); F("C"); F("Civil");
        F(medecin ? "S" : ""); F(medecin ? "Spécialité ordinale" : ""); F(medecin ? "SM54" : ""); F(medecin ? "Médecine Générale" : "");
        var salarie = r.NextDouble() < 0.1;
        F(salarie ? "S" : "L"); F(salarie ? "Salarié" : "Libéral");
        F(""); F(""); F(pharmacie ? site[1..] : ""); F(pharmacie ? site[1..] : "");
        F(site); F(raison); F(""); F(raison); F("");
        F(r.Next(1, 200).ToString(CultureInfo.InvariantCulture)); F(r.Next(20) == 0 ? "B" : "");
        F(type.Code); F(type.Libelle); F(voie); F("");
        F($"{cp} {c.Nom.ToUpperInvariant()}"); F(cp); F(c.Code); F(c.Nom); F(""); F("");
        F("0" + r.Next(100000000, 999999999).ToString(CultureInfo.InvariantCulture)); F(""); F(""); F("");
        F(""); F(""); F((pharmacie ? "1" : "4") + site[1..]);
        F($"{pro.Autorite}/{pro.Autorite}/{pro.Autorite}");
        F(pharmacie ? "SA33" : "SA07"); F(pharmacie ? "Pharmacie d'officine" : "Cabinet individuel");
        F(pharmacie ? "A" : ""); F(pharmacie ? "Pharmacien titulaire d'officine" : "");
        sb.Append('\n');
    }

    private static (string Code, string Libelle, string Autorite, double Poids) Tirer(Random r)
    {
        var x = r.NextDouble();
        foreach (var p in Professions)
        {
            if ((x -= p.Poids) < 0)
            {
                return p;
            }
        }
        return Professions[0];
    }

    private static int IndiceCumule(double[] cumul, double valeur)
    {
        var i = Array.BinarySearch(cumul, valeur);
        return Math.Min(i < 0 ? ~i : i, cumul.Length - 1);
    }

    private static char CleLuhn(string chiffres)
    {
        for (var cle = '0'; cle <= '9'; cle++)
        {
            if (LecteurRpps.CleLuhnValide(chiffres + cle))
            {
                return cle;
            }
        }
        throw new InvalidOperationException("Pas de clé de Luhn.");
    }

    private sealed record Commune(string Code, string Nom, int Population, string CodePostal);

    private static List<Commune> ChargerCommunes()
    {
        using var flux = typeof(ImportCommunes).Assembly.GetManifestResourceStream("communes.csv.gz")
            ?? throw new InvalidOperationException("Référentiel des communes absent.");
        using var gz = new GZipStream(flux, CompressionMode.Decompress);
        using var lecteur = new StreamReader(gz, Encoding.UTF8);
        lecteur.ReadLine();
        var communes = new List<Commune>();
        while (lecteur.ReadLine() is { } ligne)
        {
            var c = ligne.Split(';');
            communes.Add(new Commune(c[0], c[1], int.TryParse(c[4], CultureInfo.InvariantCulture, out var p) ? p : 0, c[5].Split(',')[0]));
        }
        return communes;
    }

    public const string EnTete = "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|Libellé civilité d'exercice|Code civilité|Libellé civilité|Nom d'exercice|Prénom d'exercice|Code profession|Libellé profession|Code catégorie professionnelle|Libellé catégorie professionnelle|Code type savoir-faire|Libellé type savoir-faire|Code savoir-faire|Libellé savoir-faire|Code mode exercice|Libellé mode exercice|Numéro SIRET site|Numéro SIREN site|Numéro FINESS site|Numéro FINESS établissement juridique|Identifiant technique de la structure|Raison sociale site|Enseigne commerciale site|Complément destinataire (coord. structure)|Complément point géographique (coord. structure)|Numéro Voie (coord. structure)|Indice répétition voie (coord. structure)|Code type de voie (coord. structure)|Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|Mention distribution (coord. structure)|Bureau cedex (coord. structure)|Code postal (coord. structure)|Code commune (coord. structure)|Libellé commune (coord. structure)|Code pays (coord. structure)|Libellé pays (coord. structure)|Téléphone (coord. structure)|Téléphone 2 (coord. structure)|Télécopie (coord. structure)|Adresse e-mail (coord. structure)|Code Département (structure)|Libellé Département (structure)|Ancien identifiant de la structure|Autorité d'enregistrement|Code secteur d'activité|Libellé secteur d'activité|Code section tableau pharmaciens|Libellé section tableau pharmaciens|";
}
