using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.MedecinTraitant;
using OpenCpts.Tests.Features.Parcours.Sorties;
using OpenCpts.Tests.Features.SoinsNonProgrammes;
using OpenCpts.Tests.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.MedecinTraitant.Propositions;
using OpenCpts.Web.Features.Notifications;
using OpenCpts.Web.Features.Parcours.Demandes;
using OpenCpts.Web.Features.Parcours.Equipe;
using OpenCpts.Web.Features.Parcours.Modeles;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Features.Parcours.Sorties;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Messages;

namespace OpenCpts.Tests.Features.Notifications;

/// <summary>
/// Fan-out of each event to the accounts concerned, per their preference: in-app only (the default) sends nothing,
/// e-mail sends one e-mail, SMS (where allowed) one SMS; e-mails and SMS carry initials at most and no clinical text.
/// </summary>
public class NotificationsEvenementsTests
{
    private static async Task<(OpenCptsApp App, int Pro)> SnpAsync(Fournisseur fournisseur)
    {
        var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync("18033");
        var pro = (await app.AjouterAsync(new ProfessionnelBuilder("BERNARD", "Luc").ExerceA("18033", "Bourges")))[0];
        return (app, pro);
    }

    private static async Task<long> ReserverAsync(OpenCptsApp app, long creneau) =>
        Assert.IsType<ResultatReservation.Reservee>(await app.AvecServicesAsync(sp => sp.GetRequiredService<ReserverCreneau>()
            .ExecuteAsync(new DemandeReservation(creneau, ReservationTests.Patient, "Fièvre depuis deux jours", OriginesReservation.Regulation, "regulateur@test.invalid"))))
        .Reservation.Id;

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_booking_on_a_professionals_slot_notifies_his_account_in_app_only_by_default(Fournisseur fournisseur)
    {
        var (app, pro) = await SnpAsync(fournisseur);
        await using var _ = app;
        var compte = await app.CompteProAsync(pro);
        var creneau = (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0];

        await ReserverAsync(app, creneau);

        var n = Assert.Single(await app.NotificationsDeAsync(compte.Id));
        Assert.Equal((TypesNotification.ReservationCreee, "/snp/mes-rendez-vous", null), (n.Type, n.Lien, n.LueLeUtc));
        Assert.Contains("A. D.", n.Titre, StringComparison.Ordinal);
        Assert.Empty(await app.MessagesAAsync(compte.Email!));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task With_e_mail_chosen_a_cancelled_booking_sends_one_e_mail_with_the_patients_initials_only(Fournisseur fournisseur)
    {
        var (app, pro) = await SnpAsync(fournisseur);
        await using var _ = app;
        var compte = await app.CompteProAsync(pro, TypesNotification.ReservationAnnulee, ChoixNotification.Email);
        var reservation = await ReserverAsync(app, (await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro)))[0]);

        await app.AvecServicesAsync(sp => sp.GetRequiredService<AnnulerReservation>().ExecuteAsync(reservation, "regulateur@test.invalid"));

        var mail = Assert.Single(await app.MessagesAAsync(compte.Email!));
        Assert.Equal(CanauxMessage.Email, mail.Canal);
        Assert.Contains("annulé (patient A. D.)", mail.Texte, StringComparison.Ordinal);
        Assert.DoesNotContain("DURAND", mail.Sujet + mail.Texte, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Alice", mail.Sujet + mail.Texte, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Fièvre", mail.Sujet + mail.Texte, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([TypesNotification.ReservationCreee, TypesNotification.ReservationAnnulee], (await app.NotificationsDeAsync(compte.Id)).Select(n => n.Type));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task With_SMS_chosen_a_moved_booking_sends_one_SMS_to_the_accounts_phone(Fournisseur fournisseur)
    {
        var (app, pro) = await SnpAsync(fournisseur);
        await using var _ = app;
        var compte = await app.CompteProAsync(pro, TypesNotification.ReservationDeplacee, ChoixNotification.Sms, "07 00 00 00 01");
        var creneaux = await app.AjouterCreneauxAsync(new CreneauSnpBuilder(pro), new CreneauSnpBuilder(pro).Dans(TimeSpan.FromHours(3)));
        var reservation = await ReserverAsync(app, creneaux[0]);

        var resultat = await app.AvecServicesAsync(sp => sp.GetRequiredService<ReplanifierReservation>().ExecuteAsync(reservation, creneaux[1], "regulateur@test.invalid"));

        Assert.IsType<ResultatReservation.Reservee>(resultat);
        var sms = Assert.Single(await app.MessagesAAsync("0700000001"));
        Assert.Equal(CanauxMessage.Sms, sms.Canal);
        Assert.Contains("déplacé", sms.Texte, StringComparison.Ordinal);
        Assert.DoesNotContain("DURAND", sms.Texte, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await app.MessagesAAsync(compte.Email!));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_care_request_notifies_the_accounts_of_the_matching_members_without_the_patient(Fournisseur fournisseur)
    {
        var scene = await SceneParcours.DemarrerAsync(fournisseur);
        await using var app = scene.App;
        var infirmiere = await app.CompteProAsync(scene.Infirmiere, TypesNotification.DemandePec, ChoixNotification.Email);
        var autre = await app.CompteProAsync(scene.Medecin);

        var demandeur = await scene.ClientApiAsync(Roles.Regulation);
        var id = await Parcours.Demandes.DemandesDeTest.PosterAsync(demandeur);

        var n = Assert.Single(await app.NotificationsDeAsync(infirmiere.Id));
        Assert.Equal((TypesNotification.DemandePec, $"/parcours/demandes/{id}"), (n.Type, n.Lien));
        Assert.Empty(await app.NotificationsDeAsync(autre.Id));
        var mail = Assert.Single(await app.MessagesAAsync(infirmiere.Email!));
        Assert.DoesNotContain("FICTIVE", mail.Texte, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Odette", mail.Texte, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hospitalisation", mail.Texte, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_team_message_notifies_the_other_members_and_not_its_author_nor_its_text(Fournisseur fournisseur)
    {
        var scene = await SceneParcours.DemarrerAsync(fournisseur);
        await using var app = scene.App;
        var auteur = await app.CompteProAsync(scene.Infirmiere, TypesNotification.MessageEquipe, ChoixNotification.Email);
        var membre = await app.CompteProAsync(scene.Medecin, TypesNotification.MessageEquipe, ChoixNotification.Email);
        var horsEquipe = await app.CompteProAsync(scene.HorsEquipe);
        var patient = await scene.PatientAsync(true, scene.Infirmiere, scene.Medecin);
        var profil = new ProfilParcours(auteur.Id, auteur.Email!, auteur.NomAffiche, scene.Infirmiere, null, false, false, false, true);

        var r = await app.AvecServicesAsync(sp => sp.GetRequiredService<PublierMessageEquipe>().ExecuteAsync(patient, "Glycémie instable ce matin", [], profil));

        Assert.IsType<ResultatPublication.Publie>(r);
        var n = Assert.Single(await app.NotificationsDeAsync(membre.Id));
        Assert.Equal($"/parcours/patients/{patient}", n.Lien);
        Assert.Empty(await app.NotificationsDeAsync(auteur.Id));
        Assert.Empty(await app.NotificationsDeAsync(horsEquipe.Id));
        var mail = Assert.Single(await app.MessagesAAsync(membre.Email!));
        Assert.Contains("G. E.", mail.Texte, StringComparison.Ordinal);
        Assert.DoesNotContain("EXEMPLE", mail.Texte, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Glycémie", mail.Sujet + mail.Texte, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await app.MessagesAAsync(auteur.Email!));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_task_due_today_notifies_its_responsible_once_and_a_later_one_waits(Fournisseur fournisseur)
    {
        var scene = await SceneParcours.DemarrerAsync(fournisseur);
        await using var app = scene.App;
        var compte = await app.CompteProAsync(scene.Infirmiere, TypesNotification.TacheEcheance, ChoixNotification.Email);
        var patient = await scene.PatientAsync(true, scene.Infirmiere);
        var aujourdhui = new DateOnly(2026, 11, 23);
        await app.AvecDbAsync(async db =>
        {
            var modele = new ModeleParcours { CptsId = scene.CptsId, Nom = "Retour à domicile (test)" };
            db.ModelesParcours.Add(modele);
            await db.SaveChangesAsync();
            var inscription = new InscriptionParcours { PatientParcoursId = patient, ModeleParcoursId = modele.Id, DebutLe = aujourdhui, InscritLeUtc = OpenCptsApp.Depart.UtcDateTime };
            db.InscriptionsParcours.Add(inscription);
            await db.SaveChangesAsync();
            db.TachesParcours.AddRange(
                new TacheParcours { InscriptionParcoursId = inscription.Id, PatientParcoursId = patient, Ordre = 1, Libelle = "Pansement d'ulcère", CodeProfession = "60", Echeance = aujourdhui, ResponsableProfessionnelId = scene.Infirmiere },
                new TacheParcours { InscriptionParcoursId = inscription.Id, PatientParcoursId = patient, Ordre = 2, Libelle = "Bilan", CodeProfession = "60", Echeance = aujourdhui.AddDays(1), ResponsableProfessionnelId = scene.Infirmiere });
            await db.SaveChangesAsync();
        });

        var premier = await app.AvecServicesAsync(sp => sp.GetRequiredService<NotifierEcheancesTaches>().ExecuteAsync());
        var second = await app.AvecServicesAsync(sp => sp.GetRequiredService<NotifierEcheancesTaches>().ExecuteAsync());

        Assert.Equal((1, 0), (premier, second));
        var n = Assert.Single(await app.NotificationsDeAsync(compte.Id));
        Assert.Equal((TypesNotification.TacheEcheance, "/parcours/mes-taches"), (n.Type, n.Lien));
        var mail = Assert.Single(await app.MessagesAAsync(compte.Email!));
        Assert.DoesNotContain("ulcère", mail.Texte, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("EXEMPLE", mail.Texte, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_sent_proposal_notifies_each_GP_who_received_patients(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var ids = await app.AjouterAsync(new ProfessionnelBuilder("BERNARD", "Luc").Docteur().ExerceA("18033", "Bourges"),
            new ProfessionnelBuilder("MOREAU", "Anne").Docteur().ExerceA("18033", "Bourges"));
        var medecin = await app.CompteProAsync(ids[0], TypesNotification.PropositionMt, ChoixNotification.Email);
        var sansPlace = await app.CompteProAsync(ids[1]);
        await app.DeclarerCapaciteAsync(ids[0], 2);
        await app.AjouterDemandeAsync(cpts.Id, "ALPHA");
        await app.AjouterDemandeAsync(cpts.Id, "BETA");
        var proposition = await app.AvecServicesAsync(sp => sp.GetRequiredService<LancerAppariement>().ExecuteAsync("test"));

        await app.AvecServicesAsync(sp => sp.GetRequiredService<EnvoyerProposition>().ExecuteAsync(proposition.Id, "test"));

        var n = Assert.Single(await app.NotificationsDeAsync(medecin.Id));
        Assert.Equal((TypesNotification.PropositionMt, "/medecin-traitant/mes-patients"), (n.Type, n.Lien));
        Assert.StartsWith("2 patient(s)", n.Titre, StringComparison.Ordinal);
        Assert.Empty(await app.NotificationsDeAsync(sansPlace.Id));
        var mails = await app.MessagesAAsync(medecin.Email!);
        Assert.Single(mails, m => m.Sujet.StartsWith("OpenCPTS", StringComparison.Ordinal));
        Assert.DoesNotContain(mails, m => m.Texte.Contains("ALPHA", StringComparison.OrdinalIgnoreCase));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_discharge_alert_notifies_the_establishment_and_the_coordination(Fournisseur fournisseur)
    {
        var scene = await SceneParcours.DemarrerAsync(fournisseur);
        await using var app = scene.App;
        var hopital = await app.CreerUtilisateurAsync(Roles.Etablissement, u => u.StructureId = scene.Hopital);
        var autreHopital = await app.CreerUtilisateurAsync(Roles.Etablissement, u => u.StructureId = scene.AutreHopital);
        var coordination = await app.CreerUtilisateurAsync(Roles.Coordination);
        await app.PreferenceAsync(hopital.Id, TypesNotification.AlerteSortie, ChoixNotification.Email);
        var (plan, _) = await scene.OuvrirPlanAsync("2026-11-24");

        Assert.Equal(1, await app.AvecServicesAsync(sp => sp.GetRequiredService<EnvoyerAlertesSortie>().ExecuteAsync()));

        Assert.Equal($"/parcours/sorties/{plan}", Assert.Single(await app.NotificationsDeAsync(hopital.Id)).Lien);
        Assert.Equal(TypesNotification.AlerteSortie, Assert.Single(await app.NotificationsDeAsync(coordination.Id)).Type);
        Assert.Empty(await app.NotificationsDeAsync(autreHopital.Id));
        var mail = Assert.Single(await app.MessagesAAsync(hopital.Email!));
        Assert.Contains("J. F.", mail.Texte, StringComparison.Ordinal);
        Assert.DoesNotContain("FICTIF", mail.Texte, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Cardiologie", mail.Texte, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_escalated_request_notifies_the_coordination_accounts(Fournisseur fournisseur)
    {
        var scene = await SceneParcours.DemarrerAsync(fournisseur);
        await using var app = scene.App;
        var coordination = await app.CreerUtilisateurAsync(Roles.Coordination);
        await app.PreferenceAsync(coordination.Id, TypesNotification.Escalade, ChoixNotification.Sms, "0700000002");
        var id = await Parcours.Demandes.DemandesDeTest.PosterAsync(await scene.ClientApiAsync(Roles.Regulation));
        app.Horloge.Advance(TimeSpan.FromDays(2));

        Assert.Equal(1, await app.AvecServicesAsync(sp => sp.GetRequiredService<EscaladerDemandesPec>().ExecuteAsync()));

        var n = Assert.Single(await app.NotificationsDeAsync(coordination.Id));
        Assert.Equal((TypesNotification.Escalade, $"/parcours/demandes/{id}"), (n.Type, n.Lien));
        var sms = Assert.Single(await app.MessagesAAsync("0700000002"));
        Assert.DoesNotContain("pansements", sms.Texte, StringComparison.OrdinalIgnoreCase);
    }
}
