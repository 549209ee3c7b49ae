using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Annuaire;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Comptes.Invitations;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;

namespace OpenCpts.Tests.Features.Comptes.Invitations;

public class CycleDeVieComptesTests
{
    private static Task<HttpResponseMessage> ActeAsync(HttpClient coordination, string handler, string id, string? role = null) =>
        coordination.PosterFormulaireAsync("/administration/comptes",
            role is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["role"] = role },
            action: $"/administration/comptes?handler={handler}&id={Uri.EscapeDataString(id)}");

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Deactivation_ends_sessions_API_tokens_and_the_calendar_feed_at_once_and_blocks_sign_in(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var proId = (await app.AjouterAsync(new ProfessionnelBuilder("PARTANT", "Paul").ExerceA("18033", "Bourges").MembreDe(cpts.Id)))[0];
        var compte = await app.CreerUtilisateurAsync(Roles.Professionnel, u => u.ProfessionnelId = proId);
        var session = await app.ConnecterAsync(compte.Email!);
        var jeton = await app.AvecServicesAsync(sp => sp.GetRequiredService<JetonsApi>().CreerAsync(compte.Id, "agenda"));
        var secret = await app.AvecServicesAsync(sp => sp.GetRequiredService<GererFluxCalendrier>().CreerAsync(proId));
        var api = app.Client();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton.Valeur);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/snp/mes-rendez-vous")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/moi")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync(GererFluxCalendrier.Adresse(secret))).StatusCode);
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);

        var desactivation = await ActeAsync(coordination, "Desactiver", compte.Id);

        Assert.Equal(HttpStatusCode.Redirect, desactivation.StatusCode);
        var apres = await session.GetAsync("/snp/mes-rendez-vous");
        Assert.Equal(HttpStatusCode.Redirect, apres.StatusCode);
        Assert.StartsWith("/compte/connexion", apres.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/moi")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client().GetAsync(GererFluxCalendrier.Adresse(secret))).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.ConnecterAsync(compte.Email!));
        Assert.True(await app.AvecDbAsync(db => db.JetonsApi.AllAsync(j => j.UtilisateurId != compte.Id || j.RevoqueLeUtc != null)));
        Assert.True(await app.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Action == "Desactivation" && e.RessourceId == compte.Id)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_reactivated_account_signs_in_again_but_its_revoked_token_stays_revoked(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var compte = await app.CreerUtilisateurAsync(Roles.Regulation);
        var jeton = await app.AvecServicesAsync(sp => sp.GetRequiredService<JetonsApi>().CreerAsync(compte.Id, "outil"));
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        await ActeAsync(coordination, "Desactiver", compte.Id);
        var liste = await coordination.PageAsync("/administration/comptes");

        var reactivation = await ActeAsync(coordination, "Reactiver", compte.Id);

        Assert.Contains("Désactivé le", liste, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, reactivation.StatusCode);
        Assert.NotNull(await app.ConnecterAsync(compte.Email!));
        var api = app.Client();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jeton.Valeur);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/moi")).StatusCode);
        Assert.True(await app.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Action == "Reactivation" && e.RessourceId == compte.Id)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_role_change_ends_the_session_and_the_person_comes_back_with_the_new_rights(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var compte = await app.CreerUtilisateurAsync(Roles.Bureau);
        var session = await app.ConnecterAsync(compte.Email!);
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/snp/regulation")).StatusCode);

        var changement = await ActeAsync(coordination, "Role", compte.Id, Roles.Regulation);

        Assert.Equal(HttpStatusCode.Redirect, changement.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/snp/regulation")).StatusCode);
        var nouvelle = await app.ConnecterAsync(compte.Email!);
        Assert.Equal(HttpStatusCode.OK, (await nouvelle.GetAsync("/snp/regulation")).StatusCode);
        var trace = await app.AvecDbAsync(db => db.EntreesAudit.SingleAsync(e => e.Action == "Modification" && e.Ressource == "Compte" && e.RessourceId == compte.Id));
        Assert.Contains("Bureau → Régulation", trace.Detail, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_last_coordinator_can_neither_be_demoted_nor_deactivated_nor_act_on_himself(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var seul = await app.CreerUtilisateurAsync(Roles.Coordination);
        var coordination = await app.ConnecterAsync(seul.Email!);

        var soiMeme = await ActeAsync(coordination, "Desactiver", seul.Id);
        var page = await coordination.PageAsync("/administration/comptes");

        Assert.Equal(HttpStatusCode.Redirect, soiMeme.StatusCode);
        Assert.Contains("Impossible de désactiver votre propre compte", page, StringComparison.Ordinal);
        Assert.Null(await app.AvecDbAsync(db => db.Users.Where(u => u.Id == seul.Id).Select(u => u.DesactiveLeUtc).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_account_of_another_CPTS_is_not_found_for_every_act(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var ici = await app.CreerCptsNommeeAsync("CPTS ici");
        var ailleurs = await app.CreerCptsNommeeAsync("CPTS ailleurs");
        var etranger = await app.CreerUtilisateurAsync(Roles.Professionnel, cpts: ailleurs.Id);
        var coordination = await app.ConnecterAsync((await app.CreerUtilisateurAsync(Roles.Coordination, cpts: ici.Id)).Email!);

        var coordinationAilleurs = await app.ConnecterAsync((await app.CreerUtilisateurAsync(Roles.Coordination, cpts: ailleurs.Id)).Email!);
        await coordinationAilleurs.InviterAsync("invitee.ailleurs@test.invalid");
        var invitation = await app.AvecDbAsync(db => db.Set<InvitationCompte>().Where(i => i.Email == "invitee.ailleurs@test.invalid").Select(i => i.Id).SingleAsync());

        foreach (var handler in new[] { "Desactiver", "Reactiver", "Role" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ActeAsync(coordination, handler, etranger.Id, Roles.Bureau)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await ActeAsync(coordination, handler, "inconnu", Roles.Bureau)).StatusCode);
        }
        foreach (var handler in new[] { "Renvoyer", "Annuler" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ActeAsync(coordination, handler, invitation.ToString(System.Globalization.CultureInfo.InvariantCulture))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await ActeAsync(coordination, handler, "999999")).StatusCode);
        }
        Assert.Null(await app.AvecDbAsync(db => db.Users.Where(u => u.Id == etranger.Id).Select(u => u.DesactiveLeUtc).SingleAsync()));
        Assert.Null(await app.AvecDbAsync(db => db.Set<InvitationCompte>().Where(i => i.Id == invitation).Select(i => i.AnnuleeLeUtc).SingleAsync()));
        Assert.Equal(3, await app.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Action == "Refus" && e.Ressource == "Compte" && e.RessourceId == etranger.Id && e.CptsId == ici.Id)));
        Assert.Equal(2, await app.AvecDbAsync(db => db.EntreesAudit.CountAsync(e => e.Action == "Refus" && e.Ressource == "Invitation"
            && e.RessourceId == invitation.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.CptsId == ici.Id)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_member_whose_membership_ended_is_offered_for_deactivation(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var ids = await app.AjouterAsync(
            new ProfessionnelBuilder("RESTANT", "Rémi").ExerceA("18033", "Bourges").MembreDe(cpts.Id),
            new ProfessionnelBuilder("PARTI", "Pierre").ExerceA("18033", "Bourges").MembreDe(cpts.Id));
        await app.CreerUtilisateurAsync(Roles.Professionnel, u => (u.ProfessionnelId, u.NomAffiche) = (ids[0], "Rémi RESTANT"));
        await app.CreerUtilisateurAsync(Roles.Professionnel, u => (u.ProfessionnelId, u.NomAffiche) = (ids[1], "Pierre PARTI"));
        await app.AvecDbAsync(db => db.Set<Adhesion>().Where(a => a.ProfessionnelId == ids[1]).ExecuteDeleteAsync());

        var page = await (await app.ClientConnecteAsync(Roles.Coordination)).PageAsync("/administration/comptes");

        var section = page[page.IndexOf("Adhésions terminées", StringComparison.Ordinal)..page.IndexOf("Inviter une personne", StringComparison.Ordinal)];
        Assert.Contains("Pierre PARTI", section, StringComparison.Ordinal);
        Assert.DoesNotContain("Rémi RESTANT", section, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_accounts_page_shows_the_last_sign_in_the_linked_entry_and_pending_invitations(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var cpts = await app.CreerCptsAsync("18033");
        var proId = (await app.AjouterAsync(new ProfessionnelBuilder("LIEE", "Lucie").ExerceA("18033", "Bourges").MembreDe(cpts.Id)))[0];
        var compte = await app.CreerUtilisateurAsync(Roles.Professionnel, u => u.ProfessionnelId = proId);
        await app.ConnecterAsync(compte.Email!);
        var coordination = await app.ClientConnecteAsync(Roles.Coordination);
        await coordination.InviterAsync("attendue@test.invalid");

        var page = await coordination.PageAsync("/administration/comptes");

        var ligne = page[page.IndexOf($"data-compte=\"{compte.Email}\"", StringComparison.Ordinal)..];
        ligne = ligne[..ligne.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("LIEE Lucie", ligne, StringComparison.Ordinal);
        Assert.Contains("23/11/2026", ligne, StringComparison.Ordinal);
        Assert.Contains("attendue@test.invalid", page, StringComparison.Ordinal);
    }
}
