using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Demo;

/// <summary>
/// Médecin traitant matching in the demo: twenty member GPs (the demo account's GP first) with declared capacities and
/// varied restrictions, and one sent proposal awaiting the demo GP's answer, for an invented patient. Deterministic:
/// GPs are chosen by RPPS order.
/// </summary>
public static class GenerateurDemoMt
{
    public static async Task ChargerAsync(OpenCptsDb db, int cptsId, int medecinDemoId, DateTime maintenant, CancellationToken ct = default)
    {
        var autres = await db.Professionnels
            .Where(p => p.Adhesions.Any(a => a.CptsId == cptsId) && p.Activites.Any() && p.Id != medecinDemoId
                && p.CodeProfession == "10" && p.CodeSpecialite == "SM54")
            .OrderBy(p => p.Rpps)
            .Select(p => p.Id)
            .Take(19)
            .ToListAsync(ct);
        var communes = SeedDemo.CommunesDemo;
        var i = 0;
        foreach (var id in autres.Prepend(medecinDemoId))
        {
            db.CapacitesMedecin.Add(new CapaciteMedecin
            {
                ProfessionnelId = id,
                NouveauxPatientsParMois = 2 + (i * 3 % 9),
                // Every third GP takes only three communes around his practice, every fifth only adults, every
                // seventh only ALD or 70+ patients; the 10th is paused.
                CommunesAcceptees = i % 3 == 2 ? string.Join(',', communes.Skip(i % communes.Count).Concat(communes).Take(3)) : "",
                AgeMin = i % 5 == 4 ? 18 : null,
                AgeMax = i == 6 ? 16 : null,
                CriteresExiges = i % 7 == 3 ? CriteresPriorite.Ald | CriteresPriorite.Plus70 : CriteresPriorite.Aucun,
                EnPause = i == 9,
                ModifieeLeUtc = maintenant,
                ModifieePar = "demo",
            });
            i++;
        }

        var inscrit = maintenant.AddDays(-123);
        var demande = new DemandeMedecinTraitant
        {
            Reference = "MT-DEMO-AP-001",
            CptsId = cptsId,
            Nom = "PERRIN",
            Prenom = "Solène",
            NomNormalise = TexteRecherche.Normaliser("PERRIN Solène"),
            DateNaissance = new DateOnly(1958, 3, 14),
            Sexe = "F",
            Telephone = "0639980412",
            CodeCommune = "18033",
            Raison = RaisonsSansMedecin.DepartRetraite,
            Criteres = CriteresPriorite.Ald | CriteresPriorite.TraitementChronique,
            ConsentementContact = true,
            ConsentementLeUtc = inscrit,
            Statut = StatutsDemandeMt.Proposee,
            Origine = OriginesDemandeMt.Coordination,
            InscritPar = "coordination@demo.opencpts.fr",
            InscritLeUtc = inscrit,
        };
        db.DemandesMedecinTraitant.Add(demande);
        var proposition = new PropositionAppariement
        {
            CptsId = cptsId,
            Statut = StatutsProposition.Envoyee,
            CreeePar = "coordination@demo.opencpts.fr",
            CreeeLeUtc = maintenant.AddHours(-26),
            EnvoyeeLeUtc = maintenant.AddHours(-25),
        };
        db.PropositionsAppariement.Add(proposition);
        await db.SaveChangesAsync(ct);
        db.AffectationsMt.Add(new AffectationMt
        {
            PropositionAppariementId = proposition.Id,
            DemandeMedecinTraitantId = demande.Id,
            ProfessionnelId = medecinDemoId,
            Statut = StatutsAffectation.EnAttenteReponse,
        });
        db.HistoriqueDemandesMt.AddRange(
            new HistoriqueDemandeMt { DemandeMedecinTraitantId = demande.Id, NouveauStatut = StatutsDemandeMt.EnAttente, Par = demande.InscritPar, LeUtc = inscrit, Commentaire = "Inscription" },
            new HistoriqueDemandeMt { DemandeMedecinTraitantId = demande.Id, AncienStatut = StatutsDemandeMt.EnAttente, NouveauStatut = StatutsDemandeMt.Proposee, Par = proposition.CreeePar, LeUtc = proposition.EnvoyeeLeUtc.Value, Commentaire = "Proposée au médecin du compte de démonstration" });
        await db.SaveChangesAsync(ct);
    }
}
