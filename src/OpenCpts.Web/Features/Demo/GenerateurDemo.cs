using System.Globalization;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Infrastructure;

namespace OpenCpts.Web.Features.Demo;

/// <summary>A commune of the demo territory, as read from the reference.</summary>
public sealed record CommuneDemo(string CodeInsee, string Nom, string CodePostal, int Population);

/// <summary>The generated directory: structures and professionals with their activities, skills and memberships.</summary>
public sealed record AnnuaireDemo(IReadOnlyList<Structure> Structures, IReadOnlyList<Professionnel> Professionnels, Professionnel MedecinDuCompteDemo,
    Professionnel InfirmiereDuCompteDemo, Structure Hopital);

/// <summary>
/// Generates the synthetic directory of the demo CPTS: about 600 professionals spread over the
/// communes by population, and the structures of a real CPTS (hospital, MSP, pharmacies, EHPAD,
/// SSIAD, DAC, CMP, centre de santé). Every name is invented; numbers are in ranges that are valid
/// (Luhn keys) but flagged as fiction where one exists (phones 02 61 91 xx xx, .invalid e-mails).
/// The same seed and communes give the same data, whatever the database.
/// </summary>
public sealed class GenerateurDemo
{
    public const int GraineParDefaut = 18_033;

    private const string Bourges = "18033";
    private static readonly DateOnly DebutAdhesions = new(2021, 1, 4);

    private readonly Random _rng;
    private readonly IReadOnlyList<CommuneDemo> _communes;
    private readonly Dictionary<string, CommuneDemo> _parCode;
    private readonly int _cptsId;
    private readonly DateTime _maintenant;
    private readonly HashSet<string> _rpps = [];
    private readonly HashSet<string> _finess = [];
    private readonly HashSet<string> _noms = [];
    private readonly List<Structure> _structures = [];
    private readonly List<Professionnel> _professionnels = [];
    private readonly Dictionary<string, Structure> _msp = [];
    private int _telephone = 1000;
    private readonly long _populationTotale;

    private Structure _hopital = null!;
    private Structure _cmp = null!;
    private Structure _dac = null!;
    private Structure _ssiad = null!;
    private Structure _centreDeSante = null!;
    private readonly List<Structure> _ehpad = [];

    private GenerateurDemo(IReadOnlyList<CommuneDemo> communes, int cptsId, DateTime maintenant, int graine)
    {
        if (communes.Count == 0)
        {
            throw new ArgumentException("Aucune commune pour le territoire de démonstration.", nameof(communes));
        }
        _rng = new Random(graine);
        // Sorted so that the output never depends on the order the database returned the communes in.
        _communes = [.. communes.OrderBy(c => c.CodeInsee, StringComparer.Ordinal)];
        _parCode = _communes.ToDictionary(c => c.CodeInsee);
        _cptsId = cptsId;
        _maintenant = maintenant;
        _populationTotale = _communes.Sum(c => (long)c.Population);
    }

    public static AnnuaireDemo Generer(IReadOnlyList<CommuneDemo> communes, int cptsId, DateTime maintenant, int graine = GraineParDefaut)
    {
        var g = new GenerateurDemo(communes, cptsId, maintenant, graine);
        return g.Generer();
    }

    private AnnuaireDemo Generer()
    {
        CreerStructures();

        // Médecins généralistes: mostly libéral, a few salaried in the centre de santé and at the hospital.
        var generalistes = new List<Professionnel>();
        for (var i = 0; i < 100; i++)
        {
            generalistes.Add(Liberal("10", "SM54", mspPossible: true));
        }
        for (var i = 0; i < 6; i++)
        {
            generalistes.Add(DansStructure("10", "SM54", _centreDeSante, "SA05"));
        }
        for (var i = 0; i < 4; i++)
        {
            generalistes.Add(DansStructure("10", "SM54", _hopital, "SA01"));
        }

        // Specialists: the hospital's, and libéral ones, nearly all in Bourges.
        string[] hospitaliers = ["SM02", "SM02", "SM02", "SM04", "SM04", "SM59", "SM59", "SM59", "SM59", "SM18", "SM18", "SM20", "SM20",
            "SM40", "SM40", "SM44", "SM44", "SM24", "SM41", "SM32", "SM14", "SM14", "SM08", "SM08", "SM27", "SM30", "SM36", "SM42", "SM03", "SM38", "SM12", "SM58", "SM29"];
        foreach (var s in hospitaliers)
        {
            DansStructure("10", s, _hopital, "SA01");
        }
        for (var i = 0; i < 2; i++)
        {
            DansStructure("10", "SM42", _cmp, "SA01");
        }
        string[] liberaux = ["SM04", "SM04", "SM15", "SM15", "SM38", "SM38", "SM38", "SM40", "SM40", "SM42", "SM42", "SM20", "SM19",
            "SM39", "SM48", "SM62", "SM24", "SM61", "SM32", "SM08", "SM44", "SM44", "SM02", "SM57", "SM29"];
        foreach (var s in liberaux)
        {
            Liberal("10", s, mspPossible: false, commune: _rng.Next(10) < 8 ? _parCode.GetValueOrDefault(Bourges) : null);
        }

        // Infirmiers: libéral (cabinets and MSP), hospital, SSIAD, EHPAD, DAC, centre de santé.
        for (var i = 0; i < 118; i++)
        {
            Liberal("60", null, mspPossible: true);
        }
        for (var i = 0; i < 32; i++)
        {
            DansStructure("60", null, _hopital, "SA01");
        }
        for (var i = 0; i < 8; i++)
        {
            DansStructure("60", null, _ssiad, null);
        }
        foreach (var e in _ehpad)
        {
            for (var i = 0; i < 3; i++)
            {
                DansStructure("60", null, e, null);
            }
        }
        for (var i = 0; i < 2; i++)
        {
            DansStructure("60", null, _dac, null);
            DansStructure("60", null, _centreDeSante, "SA05");
        }

        Repeter(85, () => Liberal("70", null, mspPossible: true));
        Repeter(5, () => DansStructure("70", null, _hopital, "SA01"));

        // Pharmacists: one owner and one or two employees per pharmacy, and the hospital's pharmacy.
        foreach (var pharmacie in _structures.Where(s => s.CodeCategorie == "620").ToList())
        {
            DansStructure("21", null, pharmacie, "SA33", mode: "L");
            Repeter(_rng.Next(1, 3), () => DansStructure("21", null, pharmacie, "SA33"));
        }
        Repeter(5, () => DansStructure("21", null, _hopital, "SA01"));

        Repeter(44, () => Liberal("40", null, mspPossible: false));
        DansStructure("40", null, _centreDeSante, "SA05");
        Repeter(12, () => DansStructure("50", null, _hopital, "SA01"));
        Repeter(8, () => Liberal("50", null, mspPossible: true));
        Repeter(25, () => Liberal("91", null, mspPossible: true));
        Repeter(12, () => Liberal("80", null, mspPossible: true));
        Repeter(8, () => Liberal("93", null, mspPossible: true));
        Repeter(4, () => DansStructure("93", null, _cmp, "SA01"));
        Repeter(6, () => Liberal("95", null, mspPossible: true));
        Repeter(4, () => Liberal("92", null, mspPossible: false));

        // The demo "pro" account: a member GP in libéral practice, the first one generated that fits.
        var medecinDuCompte = generalistes.First(p => p.Adhesions.Count > 0 && p.Activites[0].ModeExercice == "L");
        // The demo "ide" account: a member nurse in libéral practice in Bourges.
        var infirmiereDuCompte = _professionnels.First(p => p.CodeProfession == "60" && p.Adhesions.Count > 0
            && p.Activites[0].ModeExercice == "L" && p.Activites[0].CodeCommune == Bourges);
        return new AnnuaireDemo(_structures, _professionnels, medecinDuCompte, infirmiereDuCompte, _hopital);
    }

    private static void Repeter(int fois, Action action)
    {
        for (var i = 0; i < fois; i++)
        {
            action();
        }
    }

    // ---- Structures ----

    private void CreerStructures()
    {
        var bourges = _parCode.GetValueOrDefault(Bourges) ?? _communes.MaxBy(c => c.Population)!;
        var ejHopital = NouveauFiness();
        _hopital = Structure("355", "Centre hospitalier de Bourges-Val d'Yèvre", bourges, ejHopital);
        _cmp = Structure("156", "Centre médico-psychologique adultes du Val d'Yèvre", bourges, ejHopital);
        _dac = Structure("606", "DAC du Cher — Appui Santé Berry", bourges);
        _ssiad = Structure("354", "SSIAD du Pays berruyer", bourges);
        _centreDeSante = Structure("124", "Centre de santé des Trois Rivières", bourges);

        (string Code, string Nom)[] msp =
        [
            (Bourges, "Pôle santé des Quatre Vents"),
            ("18207", "Maison de santé des Tilleuls"),
            ("18141", "Maison de santé du Canal de Berry"),
            ("18018", "Maison de santé Les Coquelicots"),
        ];
        foreach (var (code, nom) in msp)
        {
            if (_parCode.TryGetValue(code, out var commune))
            {
                _msp[code] = Structure("603", nom, commune);
            }
        }

        string[] ehpad = ["EHPAD Résidence Les Glycines", "EHPAD Le Moulin Vert"];
        string[] communesEhpad = ["18205", "18213"];
        for (var i = 0; i < ehpad.Length; i++)
        {
            _ehpad.Add(Structure("500", ehpad[i], _parCode.GetValueOrDefault(communesEhpad[i]) ?? bourges));
        }

        // About one pharmacy per 5 800 inhabitants, in communes large enough to have one.
        var nomsPharmacies = new Queue<string>(NomsPharmacies);
        foreach (var commune in _communes.Where(c => c.Population >= 2000).OrderByDescending(c => c.Population).ThenBy(c => c.CodeInsee, StringComparer.Ordinal))
        {
            var nombre = Math.Max(1, (int)Math.Round(commune.Population / 5800d));
            for (var i = 0; i < nombre && nomsPharmacies.Count > 0; i++)
            {
                Structure("620", nomsPharmacies.Dequeue(), commune);
            }
        }
    }

    private Structure Structure(string categorie, string nom, CommuneDemo commune, string? finessJuridique = null)
    {
        var finess = NouveauFiness();
        var s = new Structure
        {
            Finess = finess,
            FinessJuridique = finessJuridique ?? NouveauFiness(),
            Source = SourcesStructure.Finess,
            CodeCategorie = categorie,
            Nom = nom,
            NomRecherche = TexteRecherche.Normaliser(nom),
            Voie = Adresse(),
            CodePostal = commune.CodePostal,
            CodeCommune = commune.CodeInsee,
            LibelleCommune = commune.Nom.ToUpperInvariant(),
            Telephone = NouveauTelephone(),
            Email = "contact@" + Slug(nom) + ".invalid",
            CreeLeUtc = _maintenant,
            MisAJourLeUtc = _maintenant,
        };
        _structures.Add(s);
        return s;
    }

    // ---- Professionals ----

    private Professionnel Liberal(string profession, string? specialite, bool mspPossible, CommuneDemo? commune = null)
    {
        var p = NouveauProfessionnel(profession, specialite);
        commune ??= CommuneAuHasard();
        if (mspPossible && _msp.TryGetValue(commune.CodeInsee, out var msp) && _rng.Next(100) < 45)
        {
            p.Activites.Add(ActiviteDansStructure(p, msp, "L", "SA52"));
        }
        else
        {
            p.Activites.Add(Cabinet(p, commune, 0, _rng.Next(100) < 40 ? "SA08" : "SA07"));
        }
        // Some libéral professionals also hold a secondary cabinet in another commune.
        if (_rng.Next(100) < 8)
        {
            var autre = CommuneAuHasard();
            if (autre.CodeInsee != commune.CodeInsee)
            {
                p.Activites.Add(Cabinet(p, autre, 1, "SA07"));
            }
        }
        return p;
    }

    private Professionnel DansStructure(string profession, string? specialite, Structure structure, string? secteur, string mode = "S")
    {
        var p = NouveauProfessionnel(profession, specialite);
        p.Activites.Add(ActiviteDansStructure(p, structure, mode, secteur));
        return p;
    }

    private Professionnel NouveauProfessionnel(string profession, string? specialite)
    {
        var femme = _rng.Next(100) < PartDeFemmes(profession);
        string prenom, nom;
        do
        {
            prenom = femme ? PrenomsFeminins[_rng.Next(PrenomsFeminins.Length)] : PrenomsMasculins[_rng.Next(PrenomsMasculins.Length)];
            nom = (DebutsNom[_rng.Next(DebutsNom.Length)] + FinsNom[_rng.Next(FinsNom.Length)]).ToUpperInvariant();
        }
        while (!_noms.Add(prenom + " " + nom));

        var rpps = NouveauRpps();
        var p = new Professionnel
        {
            Rpps = rpps,
            IdentifiantNational = "8" + rpps,
            CiviliteExercice = profession is "10" or "40" ? "DR" : null,
            Civilite = femme ? "MME" : "M",
            Nom = nom,
            Prenom = prenom,
            NomRecherche = TexteRecherche.Normaliser(nom + " " + prenom),
            CodeProfession = profession,
            CodeSpecialite = specialite,
            Email = _rng.Next(100) < 50 ? $"{Slug(prenom)}.{Slug(nom)}@sante-demo.invalid" : null,
            Source = "RPPS",
            CreeLeUtc = _maintenant,
            MisAJourLeUtc = _maintenant,
        };
        if (_rng.Next(100) < 60)
        {
            p.Adhesions.Add(new Adhesion { CptsId = _cptsId, DepuisLe = DebutAdhesions.AddDays(_rng.Next(0, 1700)) });
        }
        var competences = Competences.GetValueOrDefault(specialite ?? profession) ?? Competences.GetValueOrDefault(profession);
        if (competences is not null)
        {
            var nombre = _rng.Next(100) < 45 ? _rng.Next(1, 4) : 0;
            foreach (var libelle in competences.OrderBy(_ => _rng.Next()).Take(nombre))
            {
                p.Competences.Add(new Competence { Libelle = libelle, LibelleRecherche = TexteRecherche.Normaliser(libelle) });
            }
        }
        _professionnels.Add(p);
        return p;
    }

    private ActiviteProfessionnelle Cabinet(Professionnel p, CommuneDemo commune, int rang, string secteur) => new()
    {
        IdentifiantSite = "C" + p.Rpps + rang.ToString("00", CultureInfo.InvariantCulture),
        ModeExercice = "L",
        SecteurActivite = secteur,
        RaisonSociale = secteur == "SA08" ? "CABINET " + TypeDeCabinet(p.CodeProfession) + " " + commune.Nom.ToUpperInvariant() : null,
        Voie = Adresse(),
        CodePostal = commune.CodePostal,
        CodeCommune = commune.CodeInsee,
        LibelleCommune = commune.Nom.ToUpperInvariant(),
        Telephone = NouveauTelephone(),
    };

    private static ActiviteProfessionnelle ActiviteDansStructure(Professionnel p, Structure s, string mode, string? secteur) => new()
    {
        IdentifiantSite = "F" + s.Finess,
        ModeExercice = mode,
        SecteurActivite = secteur,
        RaisonSociale = s.Nom,
        Voie = s.Voie,
        CodePostal = s.CodePostal,
        CodeCommune = s.CodeCommune,
        LibelleCommune = s.LibelleCommune,
        Telephone = s.Telephone,
        FinessSite = s.Finess,
        FinessJuridique = s.FinessJuridique,
        Structure = s,
    };

    /// <summary>A commune drawn with a probability proportional to its population.</summary>
    private CommuneDemo CommuneAuHasard()
    {
        var tirage = _rng.NextInt64(_populationTotale);
        foreach (var c in _communes)
        {
            tirage -= c.Population;
            if (tirage < 0)
            {
                return c;
            }
        }
        return _communes[^1];
    }

    // ---- Identifiers ----

    /// <summary>11 digits: "10", eight digits, Luhn key.</summary>
    private string NouveauRpps()
    {
        string rpps;
        do
        {
            var corps = "10" + _rng.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            rpps = corps + CleLuhn.Calculer(corps);
        }
        while (!_rpps.Add(rpps));
        return rpps;
    }

    /// <summary>9 characters: département 18, six digits, Luhn key.</summary>
    private string NouveauFiness()
    {
        string finess;
        do
        {
            var corps = "18" + _rng.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            finess = corps + CleLuhn.Calculer(corps);
        }
        while (!_finess.Add(finess));
        return finess;
    }

    /// <summary>In the 02 61 91 range the regulator keeps for fiction.</summary>
    private string NouveauTelephone()
    {
        _telephone += _rng.Next(1, 8);
        return "026191" + (_telephone % 10_000).ToString("D4", CultureInfo.InvariantCulture);
    }

    private string Adresse()
    {
        var numero = _rng.Next(1, 120).ToString(CultureInfo.InvariantCulture);
        var bis = _rng.Next(100) < 6 ? " B" : "";
        return numero + bis + " " + Voies[_rng.Next(Voies.Length)];
    }

    private static string Slug(string texte) => TexteRecherche.Normaliser(texte).Replace(' ', '-');

    private static int PartDeFemmes(string profession) => profession switch
    {
        "50" or "91" or "60" => 88,
        "93" or "95" or "92" => 80,
        "21" => 68,
        "10" => 52,
        "70" or "80" => 50,
        "40" => 48,
        _ => 55,
    };

    private static string TypeDeCabinet(string profession) => profession switch
    {
        "10" => "MÉDICAL",
        "60" => "INFIRMIER",
        "70" => "DE KINÉSITHÉRAPIE",
        "40" => "DENTAIRE",
        "91" => "D'ORTHOPHONIE",
        "80" => "DE PODOLOGIE",
        "50" => "DE SAGES-FEMMES",
        _ => "PARAMÉDICAL",
    };

    // ---- Invented vocabularies ----

    // Surnames are built from two invented halves so that no real person is named.
    private static readonly string[] DebutsNom =
    [
        "Bel", "Cor", "Dam", "Fer", "Gar", "Lan", "Mar", "Ros", "Tes", "Vil", "Bru", "Cha", "Dur", "Gil", "Lau", "Mor",
        "Pel", "Sau", "Ver", "Bou", "Cal", "Del", "Fon", "Gre", "Jou", "Lor", "Mal", "Nav", "Per", "Ran", "Sol", "Tri",
        "Val", "Bar", "Cour", "Ev", "Hal", "Lem", "Oud", "Quer",
    ];

    private static readonly string[] FinsNom =
    [
        "ardeau", "enet", "illon", "aulin", "ault", "erin", "iac", "otte", "ement", "anche", "ier", "elin", "ouze", "aret",
        "ieux", "oisel", "onnet", "azin", "eroux", "ichon", "odier", "uchet", "aval", "emont", "inaud", "olas", "ustel",
    ];

    private static readonly string[] PrenomsFeminins =
    [
        "Camille", "Claire", "Sophie", "Julie", "Émilie", "Anne", "Marie", "Céline", "Aurélie", "Nathalie", "Isabelle", "Sandrine",
        "Laure", "Pauline", "Manon", "Chloé", "Léa", "Lucie", "Sarah", "Mathilde", "Hélène", "Agnès", "Valérie", "Élodie",
        "Margaux", "Justine", "Inès", "Amandine", "Cécile", "Florence", "Juliette", "Noémie", "Solène", "Gaëlle", "Anaïs", "Estelle",
    ];

    private static readonly string[] PrenomsMasculins =
    [
        "Thomas", "Nicolas", "Julien", "Pierre", "Antoine", "Mathieu", "Olivier", "Laurent", "Sébastien", "Guillaume", "François", "Vincent",
        "Benoît", "Jérôme", "Hugo", "Lucas", "Louis", "Maxime", "Romain", "Alexandre", "Damien", "Cédric", "Arnaud", "Fabien",
        "Yann", "Étienne", "Bastien", "Clément", "Florian", "Grégoire", "Adrien", "Quentin", "Rémi", "Thibault", "Loïc", "Paul",
    ];

    private static readonly string[] Voies =
    [
        "RUE DES ACACIAS", "RUE DES LILAS", "AVENUE DES MARRONNIERS", "RUE DU MOULIN", "ROUTE DE LA FORET", "RUE DE LA FONTAINE",
        "PLACE DU MARCHE", "RUE DES VIGNES", "CHEMIN DES PRES", "RUE DU STADE", "AVENUE DE LA GARE", "RUE DES ECOLES",
        "RUE DU CHATEAU", "ALLEE DES ROSES", "RUE DES JARDINS", "RUE DES CHARMES", "IMPASSE DES SAULES", "RUE DES PEUPLIERS",
        "BOULEVARD DES PLATANES", "RUE DU LAVOIR", "RUE DES TISSERANDS", "RUE DU PUITS", "AVENUE DES ERABLES", "RUE DES COQUELICOTS",
    ];

    private static readonly string[] NomsPharmacies =
    [
        "Pharmacie des Alouettes", "Pharmacie du Pré Fleuri", "Pharmacie de la Source Claire", "Pharmacie des Trois Chênes",
        "Pharmacie du Val Doré", "Pharmacie du Coteau", "Pharmacie des Églantiers", "Pharmacie des Mésanges",
        "Pharmacie de la Prairie", "Pharmacie du Vieux Pont", "Pharmacie de l'Horizon", "Pharmacie du Belvédère",
        "Pharmacie des Primevères", "Pharmacie des Hirondelles", "Pharmacie du Cèdre Bleu", "Pharmacie des Bruyères",
        "Pharmacie des Jonquilles", "Pharmacie de la Passerelle", "Pharmacie de la Fontaine Vive", "Pharmacie du Grand Tilleul",
        "Pharmacie des Colombes", "Pharmacie de la Colline", "Pharmacie des Noisetiers", "Pharmacie du Clos Fleuri",
    ];

    private static readonly Dictionary<string, string[]> Competences = new()
    {
        ["SM54"] = ["ETP diabète", "Téléconsultation", "Vaccination", "Gériatrie", "Pédiatrie", "Soins palliatifs", "Suivi grossesse", "Suivi gynécologique", "Addictologie", "Médecine du sport"],
        ["10"] = ["Téléconsultation", "Avis spécialisé rapide", "Soins non programmés"],
        ["60"] = ["Plaies complexes", "Soins palliatifs", "ETP diabète", "Vaccination", "Gériatrie", "Perfusions à domicile", "Pédiatrie"],
        ["70"] = ["Rééducation respiratoire", "Pédiatrie", "Rééducation périnéale", "Gériatrie", "Drainage lymphatique", "Prévention des chutes"],
        ["21"] = ["Vaccination", "Téléconsultation", "ETP diabète", "Dépistage", "Entretiens pharmaceutiques"],
        ["50"] = ["Suivi grossesse", "Rééducation périnéale", "Suivi gynécologique", "Préparation à la naissance", "Vaccination"],
        ["91"] = ["Troubles du langage de l'enfant", "Pédiatrie", "Aphasie", "Troubles de la déglutition"],
        ["40"] = ["Pédiatrie", "Soins aux personnes handicapées", "Gériatrie"],
        ["93"] = ["Psychotraumatisme", "Pédiatrie", "Soins palliatifs", "Addictologie"],
        ["80"] = ["Pied diabétique", "Gériatrie", "Posturologie"],
        ["95"] = ["ETP diabète", "Nutrition de l'enfant", "Obésité"],
    };
}
