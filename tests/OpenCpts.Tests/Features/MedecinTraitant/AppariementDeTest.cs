using System.Globalization;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;
using OpenCpts.Web.Infrastructure;

namespace OpenCpts.Tests.Features.MedecinTraitant;

/// <summary>Arranges waiting patients and GP capacities directly in the database (synthetic data).</summary>
public static class AppariementDeTest
{
    private static int _suivant;

    /// <summary>A waiting request; registered one day before the test clock unless said otherwise.</summary>
    public static Task<long> AjouterDemandeAsync(this OpenCptsApp app, int cptsId, string nom, string codeCommune = "18033",
        CriteresPriorite criteres = CriteresPriorite.Aucun, DateTime? inscritLeUtc = null, DateOnly? naissance = null,
        string? telephone = "0639981234", string? email = null, bool consentement = true) =>
        app.AvecDbAsync(async db =>
        {
            var n = Interlocked.Increment(ref _suivant);
            var demande = new DemandeMedecinTraitant
            {
                Reference = "MT-T-" + n.ToString("D6", CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..6],
                CptsId = cptsId,
                Nom = nom,
                Prenom = "Camille",
                NomNormalise = TexteRecherche.Normaliser(nom + " Camille"),
                DateNaissance = naissance ?? new DateOnly(1980, 5, 17),
                Sexe = "F",
                Telephone = telephone,
                Email = email,
                CodeCommune = codeCommune,
                Criteres = criteres,
                ConsentementContact = consentement,
                InscritLeUtc = inscritLeUtc ?? app.Horloge.GetUtcNow().UtcDateTime.AddDays(-1),
                Statut = StatutsDemandeMt.EnAttente,
            };
            db.DemandesMedecinTraitant.Add(demande);
            await db.SaveChangesAsync();
            return demande.Id;
        });

    public static Task DeclarerCapaciteAsync(this OpenCptsApp app, int professionnelId, int parMois, string communes = "",
        int? ageMin = null, int? ageMax = null, CriteresPriorite exiges = CriteresPriorite.Aucun, bool enPause = false) =>
        app.AvecDbAsync(async db =>
        {
            db.CapacitesMedecin.Add(new CapaciteMedecin
            {
                ProfessionnelId = professionnelId,
                NouveauxPatientsParMois = parMois,
                CommunesAcceptees = communes,
                AgeMin = ageMin,
                AgeMax = ageMax,
                CriteresExiges = exiges,
                EnPause = enPause,
                ModifieeLeUtc = app.Horloge.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });
}
