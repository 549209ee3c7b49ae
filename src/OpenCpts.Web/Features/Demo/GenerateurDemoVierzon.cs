using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Demo;

/// <summary>
/// A little activity of the demo's second CPTS (Vierzon Sologne), so that switching CPTS shows other data and
/// <c>coordination-vierzon@demo.opencpts.fr</c> has work of its own: two open unscheduled-care requests and a few
/// patients on its médecin-traitant list. The demo nurse is a member of both CPTS (her account may act in each).
/// </summary>
public static class GenerateurDemoVierzon
{
    public static async Task ChargerAsync(OpenCptsDb db, int vierzonId, int infirmiereId, DateTime maintenant, CancellationToken ct = default)
    {
        db.Perimetre.Fixer(vierzonId);
        db.Adhesions.Add(new Adhesion { CptsId = vierzonId, ProfessionnelId = infirmiereId, DepuisLe = new DateOnly(2025, 1, 6) });
        (string Nom, string Prenom, DateOnly Naissance, string Motif, int Minutes)[] appels =
        [
            ("VERNEUIL", "Anatole", new DateOnly(1957, 3, 9), "Toux fébrile depuis trois jours", 35),
            ("CASTAGNE", "Léonie", new DateOnly(2019, 10, 2), "Otalgie de l'enfant", 80),
        ];
        foreach (var (nom, prenom, naissance, motif, minutes) in appels)
        {
            db.DemandesSnp.Add(new DemandeSnp
            {
                NomPatient = nom,
                PrenomPatient = prenom,
                DateNaissance = naissance,
                Telephone = "0639987" + minutes.ToString("000", CultureInfo.InvariantCulture),
                CodeCommune = "18279",
                Motif = motif,
                Urgence = UrgencesDemande.JourMeme,
                Statut = StatutsDemande.Ouverte,
                CreePar = "coordination-vierzon@demo.opencpts.fr",
                CreeLeUtc = maintenant.AddMinutes(-minutes),
            });
        }
        (string Nom, string Prenom, DateOnly Naissance, string Sexe, CriteresPriorite Criteres)[] patients =
        [
            ("MORVAN", "Gisèle", new DateOnly(1941, 5, 17), "F", CriteresPriorite.Plus70 | CriteresPriorite.Ald),
            ("TALBOT", "Rémi", new DateOnly(1983, 12, 1), "M", CriteresPriorite.TraitementChronique),
            ("OUDIN", "Maëlys", new DateOnly(2014, 7, 23), "F", CriteresPriorite.Moins16),
        ];
        var numero = 0;
        var inscrites = new List<DemandeMedecinTraitant>();
        foreach (var (nom, prenom, naissance, sexe, criteres) in patients)
        {
            var inscritLe = maintenant.AddDays(-20 * ++numero);
            inscrites.Add(new DemandeMedecinTraitant
            {
                Reference = "MT-" + inscritLe.Year.ToString(CultureInfo.InvariantCulture) + "-9" + numero.ToString("D5", CultureInfo.InvariantCulture),
                Nom = nom,
                Prenom = prenom,
                NomNormalise = DemandeMtValide.NormaliserNom(nom, prenom),
                DateNaissance = naissance,
                Sexe = sexe,
                Telephone = "06399871" + numero.ToString("D2", CultureInfo.InvariantCulture),
                CodeCommune = "18279",
                Raison = RaisonsSansMedecin.Toutes[numero % RaisonsSansMedecin.Toutes.Count],
                Criteres = criteres,
                ConsentementContact = true,
                ConsentementLeUtc = inscritLe,
                Statut = StatutsDemandeMt.EnAttente,
                Origine = OriginesDemandeMt.Coordination,
                InscritPar = "coordination-vierzon@demo.opencpts.fr",
                InscritLeUtc = inscritLe,
            });
        }
        db.DemandesMedecinTraitant.AddRange(inscrites);
        await db.SaveChangesAsync(ct);
        db.HistoriqueDemandesMt.AddRange(inscrites.Select(d => new HistoriqueDemandeMt
        {
            DemandeMedecinTraitantId = d.Id,
            NouveauStatut = StatutsDemandeMt.EnAttente,
            Commentaire = "Inscription",
            Par = d.InscritPar,
            LeUtc = d.InscritLeUtc,
        }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The demo's second CPTS, created with the unscheduled-care demo (a doctor is a member of both).</summary>
    public static Task<int> TrouverAsync(OpenCptsDb db, CancellationToken ct = default) =>
        db.Cpts.Where(c => c.Nom == GenerateurDemoSnp.NomCptsVierzon).Select(c => c.Id).SingleAsync(ct);
}
