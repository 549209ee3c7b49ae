using System.Globalization;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.Demo;

/// <summary>
/// The demo waiting list of patients without médecin traitant: about 320 waiting patients with mixed criteria,
/// registered over 18 months, some placed for the charts' history, a few withdrawn, and three pairs of duplicates
/// to merge (same name written differently, same INS). Invented identities; phone numbers in the fiction range
/// 06 39 98 xx xx. Deterministic.
/// </summary>
public static class GenerateurDemoListeMt
{
    public const int EnAttente = 320;
    public const int Placees = 70;
    public const int Retirees = 12;

    public static async Task ChargerAsync(OpenCptsDb db, int cptsId, IReadOnlyList<string> communes, DateTime maintenant, CancellationToken ct = default)
    {
        var rng = new Random(20261206);
        var demandes = new List<DemandeMedecinTraitant>();
        var numero = 0;

        DemandeMedecinTraitant Nouvelle(DateTime inscritLe)
        {
            numero++;
            var feminin = rng.Next(2) == 0;
            var tirage = rng.NextDouble();
            var age = tirage < 0.15 ? rng.Next(0, 16) : tirage < 0.40 ? rng.Next(70, 96) : rng.Next(16, 70);
            var naissance = DateOnly.FromDateTime(maintenant).AddYears(-age).AddDays(-rng.Next(1, 365));
            var nom = Nom(rng);
            var prenom = feminin ? PrenomsFeminins[rng.Next(PrenomsFeminins.Length)] : PrenomsMasculins[rng.Next(PrenomsMasculins.Length)];
            var criteres = CriteresPriorite.Aucun;
            if (age >= 70)
            {
                criteres |= CriteresPriorite.Plus70;
            }
            if (age < 16)
            {
                criteres |= CriteresPriorite.Moins16;
            }
            criteres |= Tirer(rng, 0.25, CriteresPriorite.Ald) | Tirer(rng, 0.06, CriteresPriorite.Handicap) | Tirer(rng, 0.12, CriteresPriorite.Precarite)
                | Tirer(rng, 0.05, CriteresPriorite.SortieHospitalisation) | Tirer(rng, age >= 16 ? 0.20 : 0.03, CriteresPriorite.TraitementChronique);
            if (feminin && age is >= 18 and <= 42)
            {
                criteres |= Tirer(rng, 0.15, CriteresPriorite.Grossesse);
            }
            var origine = rng.Next(10) switch
            {
                < 4 => OriginesDemandeMt.FormulairePublic,
                < 7 => OriginesDemandeMt.Coordination,
                _ => OriginesDemandeMt.Professionnel,
            };
            var d = new DemandeMedecinTraitant
            {
                Reference = "MT-" + HeureParis.DepuisUtc(inscritLe).Year.ToString(CultureInfo.InvariantCulture) + "-"
                    + (100_000 + numero * 37).ToString("D6", CultureInfo.InvariantCulture),
                CptsId = cptsId,
                Nom = nom,
                Prenom = prenom,
                NomNormalise = DemandeMtValide.NormaliserNom(nom, prenom),
                DateNaissance = naissance,
                Sexe = feminin ? "F" : "M",
                Telephone = "063998" + rng.Next(0, 10_000).ToString("D4", CultureInfo.InvariantCulture),
                CodeCommune = communes[Math.Min(communes.Count - 1, (int)(Math.Pow(rng.NextDouble(), 2.2) * communes.Count))],
                Raison = RaisonsSansMedecin.Toutes[rng.Next(RaisonsSansMedecin.Toutes.Count)],
                Criteres = criteres,
                ConsentementContact = true,
                ConsentementLeUtc = inscritLe,
                Statut = StatutsDemandeMt.EnAttente,
                Origine = origine,
                InscritPar = origine == OriginesDemandeMt.FormulairePublic ? null
                    : origine == OriginesDemandeMt.Professionnel ? "pro@demo.opencpts.fr" : "coordination@demo.opencpts.fr",
                InscritLeUtc = inscritLe,
            };
            demandes.Add(d);
            return d;
        }

        var debut = maintenant.AddMonths(-18);
        var etendue = (maintenant - debut).TotalMinutes;
        for (var i = 0; i < EnAttente; i++)
        {
            // More recent registrations than old ones: the oldest have been placed meanwhile.
            Nouvelle(debut.AddMinutes(etendue * Math.Sqrt(rng.NextDouble())));
        }
        var placees = new List<DemandeMedecinTraitant>();
        for (var i = 0; i < Placees; i++)
        {
            var inscrit = debut.AddMinutes(etendue * 0.85 * rng.NextDouble());
            var d = Nouvelle(inscrit);
            var place = inscrit.AddDays(rng.Next(20, 200));
            if (place >= maintenant)
            {
                place = maintenant.AddDays(-rng.Next(1, 20));
            }
            d.Statut = StatutsDemandeMt.Placee;
            d.PlaceeLeUtc = place;
            placees.Add(d);
        }
        var retirees = new List<DemandeMedecinTraitant>();
        for (var i = 0; i < Retirees; i++)
        {
            var d = Nouvelle(debut.AddMinutes(etendue * rng.NextDouble()));
            d.Statut = StatutsDemandeMt.Retiree;
            retirees.Add(d);
        }
        // Duplicates for the Coordination to merge: same person typed differently, and same INS under another spelling.
        var doublons = new List<DemandeMedecinTraitant>();
        foreach (var (i, parIns) in new[] { (3, false), (11, false), (25, true) })
        {
            var original = demandes[i];
            var copie = Nouvelle(maintenant.AddDays(-rng.Next(1, 30)));
            copie.Nom = !parIns ? original.Nom.ToUpper(CultureInfo.GetCultureInfo("fr-FR")) : original.Nom + "-" + Nom(rng);
            copie.Prenom = !parIns ? Sans(original.Prenom) : original.Prenom;
            copie.NomNormalise = DemandeMtValide.NormaliserNom(copie.Nom, copie.Prenom);
            copie.DateNaissance = original.DateNaissance;
            copie.Sexe = original.Sexe;
            copie.CodeCommune = original.CodeCommune;
            if (parIns)
            {
                original.Ins = copie.Ins = Infrastructure.Patients.Nir.AvecCle(
                    (original.Sexe == "F" ? "2" : "1") + original.DateNaissance.ToString("yyMM", CultureInfo.InvariantCulture) + "18033" + "001");
            }
            doublons.Add(copie);
        }

        var detection = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.DemandesMedecinTraitant.AddRange(demandes);
            await db.SaveChangesAsync(ct);
            foreach (var d in demandes)
            {
                db.HistoriqueDemandesMt.Add(new HistoriqueDemandeMt
                {
                    DemandeMedecinTraitantId = d.Id,
                    NouveauStatut = StatutsDemandeMt.EnAttente,
                    Commentaire = doublons.Contains(d) ? "Inscrite malgré un doublon possible" : "Inscription",
                    Par = d.InscritPar ?? "Formulaire public",
                    LeUtc = d.InscritLeUtc,
                });
            }
            foreach (var d in placees)
            {
                db.HistoriqueDemandesMt.Add(new HistoriqueDemandeMt
                {
                    DemandeMedecinTraitantId = d.Id,
                    AncienStatut = StatutsDemandeMt.EnAttente,
                    NouveauStatut = StatutsDemandeMt.Placee,
                    Commentaire = "Déclaration de médecin traitant confirmée",
                    Par = "coordination@demo.opencpts.fr",
                    LeUtc = d.PlaceeLeUtc!.Value,
                });
            }
            foreach (var d in retirees)
            {
                db.HistoriqueDemandesMt.Add(new HistoriqueDemandeMt
                {
                    DemandeMedecinTraitantId = d.Id,
                    AncienStatut = StatutsDemandeMt.EnAttente,
                    NouveauStatut = StatutsDemandeMt.Retiree,
                    Commentaire = rng.Next(2) == 0 ? "A trouvé un médecin traitant seul" : "A quitté le territoire",
                    Par = "coordination@demo.opencpts.fr",
                    LeUtc = d.InscritLeUtc.AddDays(30) < maintenant ? d.InscritLeUtc.AddDays(30) : maintenant,
                });
            }
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detection;
        }
        db.ChangeTracker.Clear();
    }

    private static CriteresPriorite Tirer(Random rng, double p, CriteresPriorite critere) => rng.NextDouble() < p ? critere : CriteresPriorite.Aucun;

    private static string Sans(string texte) => Infrastructure.TexteRecherche.Normaliser(texte) is { Length: > 0 } n
        ? char.ToUpperInvariant(n[0]) + n[1..]
        : texte;

    // Surnames from two invented halves, so that no real person is named.
    private static string Nom(Random rng) => DebutsNom[rng.Next(DebutsNom.Length)] + FinsNom[rng.Next(FinsNom.Length)];

    private static readonly string[] DebutsNom =
        ["Arn", "Bast", "Cler", "Drou", "Estr", "Fav", "Gour", "Hen", "Jaum", "Lagr", "Mich", "Noy", "Pasq", "Rib", "Ség", "Thév", "Vaug", "Bréh", "Coq", "Duv"];

    private static readonly string[] FinsNom =
        ["elard", "ignon", "ourdin", "arraud", "iquet", "eneau", "olard", "usson", "assier", "erlin", "inot", "audry", "ombe", "ettier", "illard"];

    private static readonly string[] PrenomsFeminins =
        ["Odile", "Jeanne", "Monique", "Yvette", "Simone", "Chantal", "Brigitte", "Élise", "Maëlle", "Anaïs", "Zoé", "Léna", "Inès", "Rose", "Margot", "Héloïse"];

    private static readonly string[] PrenomsMasculins =
        ["Gérard", "Marcel", "Roger", "André", "Bernard", "Hervé", "Joël", "Noël", "Théo", "Gabriel", "Raphaël", "Jules", "Timothée", "Eliott", "Sacha", "Aurèle"];
}
