using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenCpts.E2E.Infrastructure;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Features.Comptes;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using static Microsoft.Playwright.Assertions;

namespace OpenCpts.E2E.Comptes;

public partial class InvitationJourneyTests(Navigateur navigateur)
{
    [GeneratedRegex(@"https?://[^/\s]+(/compte/invitation/[^\s]+)")]
    private static partial Regex LienInvitation();

    [Fact]
    public async Task A_coordinator_invites_a_nurse_who_sets_her_password_and_2FA_and_sees_the_care_request_waiting_for_her()
    {
        await using var app = await OpenCptsApp.DemarrerAsync(Fournisseur.Sqlite, kestrel: true);
        var cpts = await app.CreerCptsAsync("18033");
        var infirmiere = new ProfessionnelBuilder("FICTIVE", "Camille").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id)
            .AvecEmail("camille.fictive@test.invalid");
        await app.AjouterAsync(infirmiere);
        var hopital = await app.ClientApiAsync(Roles.Coordination);
        var demande = await hopital.PostAsJsonAsync("/api/parcours/demandes", new
        {
            profession = "60",
            actes = new[] { "pansements" },
            communeInsee = "18033",
            debut = "2026-11-25",
            frequence = "tous les 2 jours",
            duree = "3 semaines",
            urgence = "Rapide",
            patient = new { nom = "FICTIF", prenom = "Odon", dateNaissance = "1941-03-12" },
            description = "Retour à domicile après hospitalisation.",
        });
        demande.EnsureSuccessStatusCode();
        var coordinateur = await app.CreerUtilisateurAsync(Roles.Coordination);

        // The coordinator sends the invitation.
        var coordination = await navigateur.NouvellePageAsync(app);
        await coordination.SeConnecterAsync(coordinateur.Email!);
        await coordination.GotoAsync("/administration/comptes");
        await coordination.GetByLabel("Adresse e-mail").FillAsync("camille.fictive@test.invalid");
        await coordination.GetByLabel("Nom affiché").FillAsync("Camille FICTIVE");
        await coordination.GetByLabel("Rôle", new() { Exact = true }).SelectOptionAsync(Roles.Professionnel);
        await coordination.GetByLabel("RPPS (professionnel de l'annuaire)").FillAsync(infirmiere.Rpps);
        await coordination.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation" }).ClickAsync();
        await Expect(coordination.Locator("#message")).ToContainTextAsync("Invitation envoyée à camille.fictive@test.invalid");

        // The nurse opens the e-mail's link (read from the outbox: no mail server in tests).
        var texte = await app.AvecDbAsync(db => db.MessagesSortants.Where(m => m.Destinataire == "camille.fictive@test.invalid" && m.Sujet.StartsWith(LiensCompte.PrefixeSujet)).Select(m => m.Texte).SingleAsync());
        var lien = LienInvitation().Match(texte).Groups[1].Value;
        var page = await navigateur.NouvellePageAsync(app);
        await page.GotoAsync(lien);
        await Expect(page.GetByText("vous invite à ouvrir votre compte")).ToBeVisibleAsync();
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(OpenCptsApp.MotDePasse);
        await page.GetByLabel("Confirmation du mot de passe").FillAsync(OpenCptsApp.MotDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();

        // She protects it with her authenticator app.
        await page.WaitForURLAsync(u => u.Contains("/compte/deux-facteurs", StringComparison.Ordinal));
        var cle = await page.Locator("#cle-authentificateur").InnerTextAsync();
        await page.GetByLabel("Code de vérification").FillAsync(Totp.CodeActuel(cle));
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier et activer" }).ClickAsync();
        await Expect(page.GetByText("Codes de récupération restants")).ToBeVisibleAsync();

        // And finds the care request that waits for her.
        await page.GotoAsync("/parcours/demandes");
        await Expect(page.GetByText("pansements").First).ToBeVisibleAsync();
    }
}
