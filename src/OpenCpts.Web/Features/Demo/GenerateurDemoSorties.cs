using System.Globalization;
using System.Text;
using OpenCpts.Web.Features.Parcours.Equipe;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Features.Parcours.Sorties;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Temps;

namespace OpenCpts.Web.Features.Demo;

/// <summary>
/// Hospital discharges in the demo, at the "hopital@" account's hospital: one plan in preparation in five days with
/// part of its checklist done, one at risk (discharge the day after tomorrow, items missing, alert sent), one
/// discharged three days ago waiting for its D+7 call, one closed with its outcome, one cancelled. Invented patients;
/// the demo nurse ("ide@") and GP ("pro@") are in some teams; the first patient's team has a thread of four messages
/// (one with a small generated PDF). Deterministic: dates relative to the loading time.
/// </summary>
public static class GenerateurDemoSorties
{
    private const string ParHopital = "hopital@demo.opencpts.fr";

    public static async Task ChargerAsync(OpenCptsDb db, DemoParcours demo, CancellationToken ct = default)
    {
        var maintenant = demo.Maintenant;
        var aujourdhui = HeureParis.Jour(maintenant);

        var odette = Patient(demo, "BERNARDIN", "Odette", new DateOnly(1939, 4, 17), "18033", consentement: maintenant.AddDays(-2));
        var marcel = Patient(demo, "LEGRAND", "Marcel", new DateOnly(1947, 10, 2), "18205", consentement: null);
        var henriette = Patient(demo, "COUTURIER", "Henriette", new DateOnly(1942, 1, 28), "18207", consentement: maintenant.AddDays(-9));
        var lucien = Patient(demo, "RAYNAUD", "Lucien", new DateOnly(1951, 7, 9), "18141", consentement: maintenant.AddDays(-30));
        var simone = Patient(demo, "FAURE", "Simone", new DateOnly(1960, 12, 5), "18213", consentement: null);
        db.PatientsParcours.AddRange(odette, marcel, henriette, lucien, simone);
        await db.SaveChangesAsync(ct);

        Equipe(db, odette, demo, maintenant, infirmiere: true, medecin: true);
        Equipe(db, marcel, demo, maintenant, infirmiere: false, medecin: true);
        Equipe(db, henriette, demo, maintenant, infirmiere: true, medecin: true);
        Equipe(db, lucien, demo, maintenant, infirmiere: false, medecin: false);
        Equipe(db, simone, demo, maintenant, infirmiere: false, medecin: false);

        // In preparation in five days: the letter, the prescriptions and the pharmacy are done.
        db.PlansSortie.Add(Plan(demo, odette, aujourdhui.AddDays(5), "Cardiologie", maintenant.AddDays(-3), StatutsPlanSortie.EnPreparation,
            faits: [0, 1, 5], maintenant));
        // At risk: the discharge is the day after tomorrow and only the letter is done; the 48-hour alert went out.
        var risque = Plan(demo, marcel, aujourdhui.AddDays(2), "Pneumologie", maintenant.AddDays(-4), StatutsPlanSortie.EnPreparation, faits: [0], maintenant);
        risque.AlerteEnvoyeeLeUtc = maintenant.AddHours(-2);
        db.PlansSortie.Add(risque);
        // Discharged three days ago: everything due by the discharge done, the GP appointment and the D+7 call to come.
        var sorti = Plan(demo, henriette, aujourdhui.AddDays(-3), "Orthopédie", maintenant.AddDays(-10), StatutsPlanSortie.Sorti, faits: [0, 1, 2, 3, 4, 5], maintenant);
        sorti.DateSortieEffective = aujourdhui.AddDays(-3);
        db.PlansSortie.Add(sorti);
        // Closed after its D+7 call, no readmission.
        var clos = Plan(demo, lucien, aujourdhui.AddDays(-20), "Médecine polyvalente", maintenant.AddDays(-26), StatutsPlanSortie.Clos,
            faits: [0, 1, 2, 3, 4, 5, 6, 7], maintenant);
        clos.DateSortieEffective = aujourdhui.AddDays(-20);
        clos.Readmission30Jours = false;
        clos.Bilan = "Retour à domicile sans difficulté ; kinésithérapie en cours, prochain contrôle dans trois mois.";
        clos.ClosLeUtc = maintenant.AddDays(-12);
        db.PlansSortie.Add(clos);
        // Cancelled: transferred to a rehabilitation centre instead of going home.
        db.PlansSortie.Add(Plan(demo, simone, aujourdhui.AddDays(8), "Neurologie", maintenant.AddDays(-1), StatutsPlanSortie.Annule, faits: [], maintenant));
        await db.SaveChangesAsync(ct);

        Fil(db, odette, maintenant);
        await db.SaveChangesAsync(ct);
    }

    private static PatientParcours Patient(DemoParcours demo, string nom, string prenom, DateOnly naissance, string commune, DateTime? consentement) => new()
    {
        CptsId = demo.CptsId,
        Nom = nom,
        Prenom = prenom,
        DateNaissance = naissance,
        CodeCommune = commune,
        ConsentementLeUtc = consentement,
        ConsentementRecueilliPar = consentement is null ? null : ParHopital,
        CreeLeUtc = (consentement ?? demo.Maintenant).AddHours(-1),
        CreePar = ParHopital,
    };

    private static void Equipe(OpenCptsDb db, PatientParcours patient, DemoParcours demo, DateTime maintenant, bool infirmiere, bool medecin)
    {
        db.MembresEquipe.Add(new MembreEquipe { PatientParcoursId = patient.Id, StructureId = demo.HopitalId, Role = "Établissement de sortie", AjouteLeUtc = patient.CreeLeUtc, AjoutePar = ParHopital });
        if (medecin)
        {
            db.MembresEquipe.Add(new MembreEquipe { PatientParcoursId = patient.Id, ProfessionnelId = demo.MedecinId, Role = "Médecin traitant", AjouteLeUtc = patient.CreeLeUtc, AjoutePar = ParHopital });
        }
        if (infirmiere)
        {
            db.MembresEquipe.Add(new MembreEquipe { PatientParcoursId = patient.Id, ProfessionnelId = demo.InfirmiereId, Role = "Infirmière à domicile", AjouteLeUtc = maintenant.AddDays(-1), AjoutePar = "coordination@demo.opencpts.fr" });
        }
    }

    private static PlanSortie Plan(DemoParcours demo, PatientParcours patient, DateOnly date, string service, DateTime creeLe, string statut, int[] faits, DateTime maintenant)
    {
        var elements = ChargerChecklistSortie.ParDefaut.Select((e, i) => new ElementSortie
        {
            Ordre = i + 1,
            Libelle = e.Libelle,
            Responsable = e.ResponsableParDefaut,
            Echeance = date.AddDays(e.DelaiJours),
            FaitLeUtc = faits.Contains(i) ? Min(maintenant, creeLe.AddDays(1 + i % 3)) : null,
            FaitPar = faits.Contains(i) ? "Équipe de sortie — Centre hospitalier (démo)" : null,
        }).ToList();
        return new PlanSortie
        {
            CptsId = demo.CptsId,
            PatientParcoursId = patient.Id,
            StructureId = demo.HopitalId,
            Service = service,
            DateSortiePrevue = date,
            ContactNom = "Cadre de santé — " + service,
            ContactEmail = ParHopital,
            ContactTelephone = "0248480000",
            Statut = statut,
            CreeLeUtc = creeLe,
            CreePar = ParHopital,
            Elements = elements,
        };
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static void Fil(OpenCptsDb db, PatientParcours patient, DateTime maintenant)
    {
        db.MessagesEquipe.AddRange(
            new MessageEquipe
            {
                PatientParcoursId = patient.Id,
                Auteur = "Cadre de santé — Cardiologie (démo)",
                Texte = "Bonjour, Mme Bernardin devrait sortir dans cinq jours après son insuffisance cardiaque décompensée. Lettre de liaison jointe ; " +
                    "surveillance du poids quotidienne et adaptation du diurétique selon le protocole.",
                EnvoyeLeUtc = maintenant.AddDays(-2).AddHours(-3),
                PiecesJointes = [Lettre()],
            },
            new MessageEquipe
            {
                PatientParcoursId = patient.Id,
                Auteur = "Dr Médecin traitant (démo)",
                Texte = "Merci. Je la vois en consultation la semaine de sa sortie ; pouvez-vous confirmer la date dès qu'elle est arrêtée ?",
                EnvoyeLeUtc = maintenant.AddDays(-2).AddHours(1),
            },
            new MessageEquipe
            {
                PatientParcoursId = patient.Id,
                Auteur = "Infirmière à domicile (démo)",
                Texte = "Je prends le relais pour la pesée et le pilulier, passage le matin dès le lendemain de la sortie. Le lit médicalisé est-il commandé ?",
                EnvoyeLeUtc = maintenant.AddDays(-1).AddHours(-5),
            },
            new MessageEquipe
            {
                PatientParcoursId = patient.Id,
                Auteur = "Cadre de santé — Cardiologie (démo)",
                Texte = "Commande du lit faite auprès du prestataire, livraison prévue la veille de la sortie.",
                EnvoyeLeUtc = maintenant.AddHours(-20),
            });
    }

    /// <summary>A one-page PDF ("Lettre de liaison — exemple de démonstration"), built by hand so that the demo ships no file.</summary>
    private static PieceJointe Lettre()
    {
        var texte = "BT /F1 14 Tf 72 760 Td (Lettre de liaison - exemple de demonstration) Tj 0 -24 Td /F1 11 Tf (Document fictif, sans donnee reelle.) Tj ET";
        var objets = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            $"<< /Length {texte.Length.ToString(CultureInfo.InvariantCulture)} >>\nstream\n{texte}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var positions = new List<int>();
        for (var i = 0; i < objets.Length; i++)
        {
            positions.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objets[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objets.Length + 1}\n0000000000 65535 f \n");
        foreach (var p in positions)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{p:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objets.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        var contenu = Encoding.ASCII.GetBytes(pdf.ToString());
        return new PieceJointe { NomFichier = "lettre-de-liaison.pdf", TypeContenu = "application/pdf", Taille = contenu.Length, Contenu = contenu };
    }
}
