using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Demandes;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.Demo;

/// <summary>
/// Demo care requests: open ones waiting for the demo nurse, one she accepted, one accepted by a colleague, one
/// escalated to the Coordination without taker, one cancelled, and a few months of accepted requests so that the
/// follow-up shows times to acceptance. Patients are invented.
/// </summary>
public static class GenerateurDemoDemandes
{
    private sealed record Modele(string Nom, string Prenom, DateOnly Naissance, string Commune, string Profession, string[] Actes,
        string Frequence, string Duree, string Urgence, string Description);

    private static readonly Modele[] Modeles =
    [
        new("LAVERGNE", "Simone", new(1938, 4, 2), "18033", "60", ["pansements", "surveillance"], "tous les 2 jours", "3 semaines", UrgencesDemandePec.Rapide, "Retour à domicile après une chirurgie de hanche ; vit seule, aidée par sa fille."),
        new("PERRONNET", "Gilbert", new(1946, 9, 17), "18033", "60", ["injections", "prise de sang"], "1 fois par jour", "10 jours", UrgencesDemandePec.Urgente, "Anticoagulant injectable à poursuivre à domicile."),
        new("DUCHATEL", "Marcelle", new(1931, 1, 23), "18205", "60", ["toilette", "pilulier"], "tous les matins", "1 mois, à réévaluer", UrgencesDemandePec.Programmee, "Aide à la toilette en attendant la mise en place du SSIAD."),
        new("GRANGIER", "Paul", new(1952, 6, 5), "18033", "70", ["rééducation à la marche"], "3 fois par semaine", "6 semaines", UrgencesDemandePec.Rapide, "Rééducation après prothèse de genou."),
        new("BOISSEAU", "Yvette", new(1940, 12, 11), "18141", "60", ["pansements", "plaies chroniques"], "tous les 2 jours", "2 mois", UrgencesDemandePec.Rapide, "Ulcère de jambe ; suivi selon le protocole plaies chroniques de la CPTS."),
        new("MARCHAIS", "René", new(1949, 3, 29), "18207", "70", ["kinésithérapie respiratoire"], "2 fois par semaine", "1 mois", UrgencesDemandePec.Programmee, "BPCO, sortie de pneumologie."),
    ];

    private static readonly string[] NomsHistorique = ["ROCHEFORT", "VALLIER", "JOUANNEAU", "PIERRAT", "COUDRAY", "THIBAULT", "MASSON", "LEGRAIN", "BERTHIER", "CHAUVET", "DELORME", "FOUCHER"];
    private static readonly string[] PrenomsHistorique = ["Jeanne", "Louis", "Madeleine", "Henri", "Germaine", "André", "Lucienne", "Marcel", "Odile", "Roger", "Denise", "Raymond"];

    public static async Task ChargerAsync(OpenCptsDb db, DemoParcours demo, CancellationToken ct)
    {
        var trouver = new TrouverMembresPourDemande(db, Microsoft.Extensions.Options.Options.Create(new OptionsParcours()));
        var rng = new Random(61);
        var maintenant = demo.Maintenant;
        var aujourdhui = HeureParis.Jour(maintenant);

        async Task<DemandePriseEnCharge> CreerAsync(Modele m, DateTime creeLe, string statut, int? accepteePar, double heuresAvantAcceptation, DateTime? escaladee)
        {
            var patient = await db.PatientsParcours.FirstOrDefaultAsync(p => p.CptsId == demo.CptsId && p.Nom == m.Nom && p.Prenom == m.Prenom, ct);
            if (patient is null)
            {
                patient = new PatientParcours
                {
                    CptsId = demo.CptsId,
                    Nom = m.Nom,
                    Prenom = m.Prenom,
                    DateNaissance = m.Naissance,
                    CodeCommune = m.Commune,
                    CreeLeUtc = creeLe,
                    CreePar = "hopital@demo.opencpts.fr",
                    ConsentementLeUtc = creeLe,
                    ConsentementRecueilliPar = "hopital@demo.opencpts.fr",
                };
                patient.Equipe.Add(new MembreEquipe { StructureId = demo.HopitalId, Role = "Établissement demandeur", AjouteLeUtc = creeLe, AjoutePar = "hopital@demo.opencpts.fr" });
                db.PatientsParcours.Add(patient);
                await db.SaveChangesAsync(ct);
            }
            var debut = DateOnly.FromDateTime(creeLe).AddDays(1);
            var d = new DemandePriseEnCharge
            {
                CptsId = demo.CptsId,
                PatientParcoursId = patient.Id,
                CodeProfession = m.Profession,
                Actes = string.Join('|', m.Actes),
                CodeCommune = m.Commune,
                Lieu = LieuxSoins.Domicile,
                Debut = debut < aujourdhui && statut == StatutsDemandePec.Ouverte ? aujourdhui.AddDays(1) : debut,
                Frequence = m.Frequence,
                DureePrevue = m.Duree,
                Urgence = m.Urgence,
                Description = m.Description,
                Statut = statut,
                CreeLeUtc = creeLe,
                CreePar = "hopital@demo.opencpts.fr",
                StructureDemandeuseId = demo.HopitalId,
                AccepteeParProfessionnelId = accepteePar,
                AccepteeLeUtc = accepteePar is null ? null : creeLe.AddHours(heuresAvantAcceptation),
                EscaladeeLeUtc = escaladee,
            };
            db.DemandesPriseEnCharge.Add(d);
            await db.SaveChangesAsync(ct);
            var destinataires = await trouver.ExecuteAsync(new BesoinPriseEnCharge(demo.CptsId, d.CodeProfession, m.Actes, d.CodeCommune, d.Debut), ct);
            var ids = destinataires.Select(x => x.ProfessionnelId).ToHashSet();
            if (m.Profession == "60" && statut == StatutsDemandePec.Ouverte && !m.Actes.Contains("plaies chroniques"))
            {
                ids.Add(demo.InfirmiereId);
            }
            if (accepteePar is { } a)
            {
                ids.Add(a);
                if (!await db.MembresEquipe.AnyAsync(x => x.PatientParcoursId == patient.Id && x.ProfessionnelId == a, ct))
                {
                    patient.Equipe.Add(new MembreEquipe { ProfessionnelId = a, Role = "Prise en charge acceptée", AjouteLeUtc = d.AccepteeLeUtc!.Value, AjoutePar = "demo" });
                }
            }
            db.DestinatairesDemande.AddRange(ids.Select(id => new DestinataireDemande { DemandePriseEnChargeId = d.Id, ProfessionnelId = id, NotifieLeUtc = creeLe }));
            await db.SaveChangesAsync(ct);
            return d;
        }

        var collegue = await db.Professionnels.Where(p => p.CodeProfession == "60" && p.Id != demo.InfirmiereId && p.Adhesions.Any(a => a.CptsId == demo.CptsId))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);
        var kine = await db.Professionnels.Where(p => p.CodeProfession == "70" && p.Adhesions.Any(a => a.CptsId == demo.CptsId))
            .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct);

        // Waiting for the demo nurse (she sees them under "Demandes pour moi").
        await CreerAsync(Modeles[0], maintenant.AddHours(-2), StatutsDemandePec.Ouverte, null, 0, null);
        await CreerAsync(Modeles[2], maintenant.AddHours(-5), StatutsDemandePec.Ouverte, null, 0, null);
        // Accepted by the demo nurse, and by a colleague.
        await CreerAsync(Modeles[1], maintenant.AddDays(-3), StatutsDemandePec.Acceptee, demo.InfirmiereId, 1.5, null);
        await CreerAsync(Modeles[3], maintenant.AddDays(-6), StatutsDemandePec.Acceptee, kine, 7, null);
        // A specific skill nobody declared nearby: escalated to the Coordination.
        var plaies = await CreerAsync(Modeles[4], maintenant.AddDays(-2), StatutsDemandePec.Ouverte, null, 0, maintenant.AddDays(-1));
        plaies.ProtocoleId = await db.Protocoles.Where(p => p.CptsId == demo.CptsId && p.Pathologie == "Plaies chroniques").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        await db.SaveChangesAsync(ct);
        await CreerAsync(Modeles[5], maintenant.AddDays(-9), StatutsDemandePec.Annulee, null, 0, maintenant.AddDays(-8));

        // History: three months of accepted requests, for the follow-up's times to acceptance.
        for (var i = 0; i < 24; i++)
        {
            var m = Modeles[rng.Next(Modeles.Length)];
            var historique = m with
            {
                Nom = NomsHistorique[i % NomsHistorique.Length],
                Prenom = PrenomsHistorique[(i * 5) % PrenomsHistorique.Length],
                Naissance = new DateOnly(1930 + rng.Next(35), 1 + rng.Next(12), 1 + rng.Next(28)),
                Actes = [.. m.Actes.Where(a => a != "plaies chroniques")],
            };
            var creeLe = maintenant.AddDays(-10 - (i * 3.5)).AddHours(-rng.Next(0, 8));
            await CreerAsync(historique, creeLe, StatutsDemandePec.Acceptee, m.Profession == "70" ? kine : collegue, 0.5 + (rng.NextDouble() * 30), null);
        }
    }
}
