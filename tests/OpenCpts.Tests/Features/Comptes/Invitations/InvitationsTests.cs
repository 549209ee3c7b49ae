using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Comptes.Invitations;
using OpenCpts.Web.Features.Comptes.Rattachement;

namespace OpenCpts.Tests.Features.Comptes.Invitations;

/// <summary>Helpers of the account e-mails: the last link sent to an address, as the person would click it.</summary>
public static partial class MessagesCompte
{
    [GeneratedRegex(@"https?://[^/\s]+(/compte/[^\s]+)")]
    private static partial Regex Lien();

    /// <summary>The path (with query) of the link in the last account e-mail to <paramref name="email"/>.</summary>
    public static Task<string> DernierLienAsync(this OpenCptsApp app, string email) => app.AvecDbAsync(async db =>
    {
        var texte = await db.MessagesSortants.Where(m => m.Destinataire == email && m.Sujet.StartsWith(LiensCompte.PrefixeSujet))
            .OrderByDescending(m => m.Id).Select(m => m.Texte).FirstAsync();
        return Lien().Match(texte).Groups[1].Value;
    });

    public static Task<int> NombreMessagesAsync(this OpenCptsApp app, string email) =>
        app.AvecDbAsync(db => db.MessagesSortants.CountAsync(m => m.Destinataire == email));

    public static Task<HttpResponseMessage> InviterAsync(this HttpClient coordination, string email, string role = Roles.Professionnel,
        string? rpps = null, string? finess = null, string nom = "Camille FICTIVE") =>
        coordination.PosterFormulaireAsync("/administration/comptes", new Dictionary<string, string>
        {
            ["Invitation.Email"] = email,
            ["Invitation.NomAffiche"] = nom,
            ["Invitation.Role"] = role,
            ["Invitation.Rpps"] = rpps ?? "",
            ["Invitation.Finess"] = finess ?? "",
        }, action: "/administration/comptes?handler=Inviter");

    /// <summary>Posts the password form to the link (the antiforgery token is read from a public page: a dead link has no form).</summary>
    public static Task<HttpResponseMessage> AccepterAsync(this HttpClient anonyme, string lien, string motDePasse = OpenCptsApp.MotDePasse) =>
        anonyme.PosterFormulaireAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["MotDePasse"] = motDePasse, ["Confirmation"] = motDePasse }, action: lien);
}

public class InvitationsTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_invited_member_sets_her_password_and_gets_her_role_her_directory_entry_and_the_CPTS(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var infirmiere = new ProfessionnelBuilder("FICTIVE", "Camille").Profession("60").ExerceA("18033", "Bourges").MembreDe(cpts.Id);
        var proId = (await app.AjouterAsync(infirmiere))[0];
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);

        var invitation = await coordination.InviterAsync("camille.fictive@test.invalid", rpps: infirmiere.Rpps);
        var lien = await app.DernierLienAsync("camille.fictive@test.invalid");
        var personne = app.Client();
        var page = await personne.PageAsync(lien);
        var acceptation = await personne.AccepterAsync(lien);
        var deuxFacteurs = await personne.GetAsync("/compte/deux-facteurs");

        Assert.Equal(HttpStatusCode.Redirect, invitation.StatusCode);
        Assert.Contains("camille.fictive@test.invalid", page, StringComparison.Ordinal);
        Assert.Contains(CptsDeTest.Nom, page, StringComparison.Ordinal);
        Assert.Equal("/compte/deux-facteurs", acceptation.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, deuxFacteurs.StatusCode);
        var compte = await app.AvecDbAsync(db => db.Users.SingleAsync(u => u.Email == "camille.fictive@test.invalid"));
        Assert.Equal(proId, compte.ProfessionnelId);
        Assert.Equal([Roles.Professionnel], await app.AvecServicesAsync(async sp => await sp.GetRequiredService<UserManager<Utilisateur>>().GetRolesAsync(compte)));
        Assert.Equal([cpts.Id], await app.AvecDbAsync(db => db.Set<RattachementCpts>().Where(r => r.UtilisateurId == compte.Id).Select(r => r.CptsId).ToListAsync()));
        Assert.True(await app.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Action == "Invitation" && e.RessourceId == "camille.fictive@test.invalid")));
        Assert.True(await app.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Action == "Creation" && e.RessourceId == compte.Id)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_invitation_link_serves_once(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        await coordination.InviterAsync("unique@test.invalid");
        var lien = await app.DernierLienAsync("unique@test.invalid");
        await app.Client().AccepterAsync(lien);

        var deuxieme = await app.Client().AccepterAsync(lien, "Autre-Mot-De-Passe-42!");
        var page = await app.Client().GetAsync(lien);

        Assert.Equal(HttpStatusCode.NotFound, deuxieme.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("n&#x27;est plus valable", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.AvecDbAsync(db => db.Users.CountAsync(u => u.Email == "unique@test.invalid")));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_expired_link_is_refused_and_resending_gives_a_new_link_that_works_while_the_old_one_stays_dead(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        await coordination.InviterAsync("tardive@test.invalid");
        var ancien = await app.DernierLienAsync("tardive@test.invalid");
        app.Horloge.Advance(InvitationCompte.Validite + TimeSpan.FromMinutes(1));
        coordination = await app.ConnecterAsync((await app.CreerUtilisateurAsync(Roles.Coordination)).Email!);

        var expire = await app.Client().GetAsync(ancien);
        var id = await app.AvecDbAsync(db => db.Set<InvitationCompte>().Where(i => i.Email == "tardive@test.invalid").Select(i => i.Id).SingleAsync());
        var renvoi = await coordination.PosterFormulaireAsync("/administration/comptes", new Dictionary<string, string>(), action: $"/administration/comptes?handler=Renvoyer&id={id}");
        var nouveau = await app.DernierLienAsync("tardive@test.invalid");
        var ancienApres = await app.Client().AccepterAsync(ancien);
        var acceptation = await app.Client().AccepterAsync(nouveau);

        Assert.Equal(HttpStatusCode.NotFound, expire.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, renvoi.StatusCode);
        Assert.NotEqual(ancien, nouveau);
        Assert.Equal(HttpStatusCode.NotFound, ancienApres.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, acceptation.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_cancelled_invitation_link_is_refused(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        await coordination.InviterAsync("annulee@test.invalid");
        var lien = await app.DernierLienAsync("annulee@test.invalid");
        var id = await app.AvecDbAsync(db => db.Set<InvitationCompte>().Where(i => i.Email == "annulee@test.invalid").Select(i => i.Id).SingleAsync());

        var annulation = await coordination.PosterFormulaireAsync("/administration/comptes", new Dictionary<string, string>(), action: $"/administration/comptes?handler=Annuler&id={id}");
        var acceptation = await app.Client().AccepterAsync(lien);
        var liste = await coordination.PageAsync("/administration/comptes");

        Assert.Equal(HttpStatusCode.Redirect, annulation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, acceptation.StatusCode);
        Assert.DoesNotContain("annulee@test.invalid", liste, StringComparison.Ordinal);
        Assert.False(await app.AvecDbAsync(db => db.Users.AnyAsync(u => u.Email == "annulee@test.invalid")));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Inviting_an_address_that_has_an_account_or_a_pending_invitation_is_refused_with_what_to_do(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        var existant = await app.CreerUtilisateurAsync(Roles.Regulation);
        await coordination.InviterAsync("attente@test.invalid");

        var compte = await coordination.InviterAsync(existant.Email!.ToUpperInvariant());
        var double_ = await coordination.InviterAsync("ATTENTE@test.invalid");
        var invalide = await coordination.InviterAsync("pas-une-adresse");

        Assert.Contains("Rattacher un compte existant", WebUtility.HtmlDecode(await compte.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("déjà en attente", WebUtility.HtmlDecode(await double_.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await invalide.Content.ReadAsStringAsync());
        Assert.Contains("Adresse e-mail invalide.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"pas-une-adresse\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await app.AvecDbAsync(db => db.Set<InvitationCompte>().CountAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_hospital_user_is_invited_linked_to_the_structure_of_his_FINESS(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var structure = await app.AjouterStructureAsync("Centre hospitalier fictif", "355", finess: "180000028");
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);

        var inconnu = await coordination.InviterAsync("sortie@test.invalid", Roles.Etablissement, finess: "189999999");
        await coordination.InviterAsync("sortie@test.invalid", Roles.Etablissement, finess: "180000028");
        await app.Client().AccepterAsync(await app.DernierLienAsync("sortie@test.invalid"));

        Assert.Contains("Aucune structure de l'annuaire n'a le FINESS 189999999", WebUtility.HtmlDecode(await inconnu.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(structure, await app.AvecDbAsync(db => db.Users.Where(u => u.Email == "sortie@test.invalid").Select(u => u.StructureId).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_coordination_invites_chosen_members_each_linked_to_his_entry_and_outsiders_are_refused(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var ids = await app.AjouterAsync(
            new ProfessionnelBuilder("ALPHA", "Anne").ExerceA("18033", "Bourges").MembreDe(cpts.Id).AvecEmail("anne.alpha@test.invalid"),
            new ProfessionnelBuilder("BETA", "Bruno").ExerceA("18033", "Bourges").MembreDe(cpts.Id).AvecEmail("bruno.beta@test.invalid"),
            new ProfessionnelBuilder("GAMMA", "Gilles").ExerceA("18033", "Bourges").AvecEmail("gilles.gamma@test.invalid"));
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        var avant = await coordination.PageAsync("/administration/comptes/inviter-membres");

        var reponse = await coordination.PosterFormulaireAsync("/administration/comptes/inviter-membres",
            new Dictionary<string, string>(), action: $"/administration/comptes/inviter-membres?professionnels={ids[0]}&professionnels={ids[1]}&professionnels={ids[2]}");
        var bilan = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync());
        await app.Client().AccepterAsync(await app.DernierLienAsync("bruno.beta@test.invalid"));

        Assert.Contains("ALPHA Anne", avant, StringComparison.Ordinal);
        Assert.DoesNotContain("GAMMA", avant, StringComparison.Ordinal);
        Assert.Contains("2 invitation(s) envoyée(s)", bilan, StringComparison.Ordinal);
        Assert.Contains($"Professionnel n° {ids[2]}", bilan, StringComparison.Ordinal);
        Assert.Equal(0, await app.NombreMessagesAsync("gilles.gamma@test.invalid"));
        Assert.Equal(ids[1], await app.AvecDbAsync(db => db.Users.Where(u => u.Email == "bruno.beta@test.invalid").Select(u => u.ProfessionnelId).SingleAsync()));
        Assert.DoesNotContain("ALPHA Anne", await coordination.PageAsync("/administration/comptes/inviter-membres"), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_regulation_outbox_never_shows_an_invitation_link(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        await coordination.InviterAsync("secrete@test.invalid");

        var boite = await (await app.ClientConnecteAsync(Roles.Regulation)).PageAsync("/snp/boite-envoi");

        Assert.DoesNotContain("secrete@test.invalid", boite, StringComparison.Ordinal);
        Assert.DoesNotContain("/compte/invitation/", boite, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_CLI_invites_with_a_role_and_prints_the_link(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync();
        var sortie = new StringWriter();
        var erreurs = new StringWriter();

        var code = await app.AvecServicesAsync(sp => CommandeCompte.InviterAsync(sp, ["cli@test.invalid", "--role", Roles.Regulation, "--name", "Régulatrice"], sortie, erreurs));
        var refus = await app.AvecServicesAsync(sp => CommandeCompte.InviterAsync(sp, ["cli@test.invalid", "--role", Roles.Regulation], TextWriter.Null, erreurs));

        Assert.Equal(0, code);
        Assert.Contains("/compte/invitation/", sortie.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, refus);
        Assert.Contains("déjà en attente", erreurs.ToString(), StringComparison.Ordinal);
        Assert.Equal(Roles.Regulation, await app.AvecDbAsync(db => db.Set<InvitationCompte>().Select(i => i.Role).SingleAsync()));
    }
}
