using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Features.Annuaire;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Comptes.Anonyme;

namespace OpenCpts.Tests.Features.Comptes.Invitations;

public class MotDePasseEtEmailTests
{
    private static Task<HttpResponseMessage> DemanderAsync(HttpClient client, string email) =>
        client.PosterFormulaireAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = email });

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Forgot_password_answers_the_same_for_a_known_and_an_unknown_address_and_mails_only_the_account(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var compte = await app.CreerUtilisateurAsync(Roles.Professionnel);

        var connu = await DemanderAsync(app.Client(), compte.Email!);
        var inconnu = await DemanderAsync(app.Client(), "personne@test.invalid");

        var reponseConnu = Html.ElementParId(await connu.Content.ReadAsStringAsync(), "reponse");
        Assert.Equal(reponseConnu, Html.ElementParId(await inconnu.Content.ReadAsStringAsync(), "reponse"));
        Assert.Equal(MotDePasseOublieModel.MessageEnvoye, reponseConnu);
        Assert.Equal(1, await app.NombreMessagesAsync(compte.Email!));
        Assert.Equal(0, await app.NombreMessagesAsync("personne@test.invalid"));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_reset_link_sets_a_new_password_once_and_the_old_password_stops_working(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var compte = await app.CreerUtilisateurAsync(Roles.Professionnel);
        await DemanderAsync(app.Client(), compte.Email!);
        var lien = await app.DernierLienAsync(compte.Email!);
        const string Nouveau = "Nouveau-Mot-De-Passe-2026!";

        var page = await app.Client().GetAsync(lien);
        var changement = await app.Client().PosterFormulaireAsync(lien, new Dictionary<string, string> { ["MotDePasse"] = Nouveau, ["Confirmation"] = Nouveau });
        var deuxieme = await app.Client().PosterFormulaireAsync("/compte/mot-de-passe-oublie", new Dictionary<string, string> { ["MotDePasse"] = "Encore-Un-Autre-2026!", ["Confirmation"] = "Encore-Un-Autre-2026!" }, action: lien);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Votre mot de passe est changé", await changement.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("n&#x27;est plus valable", await deuxieme.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.ConnecterAsync(compte.Email!));
        Assert.NotNull(await app.ConnecterAsync(compte.Email!, Nouveau));
        Assert.True(await app.AvecDbAsync(db => db.EntreesAudit.AnyAsync(e => e.Ressource == "MotDePasse" && e.Action == "Modification" && e.RessourceId == compte.Id)));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_deactivated_account_gets_no_reset_link(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var compte = await app.CreerUtilisateurAsync(Roles.Professionnel, u => u.DesactiveLeUtc = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));

        var reponse = await DemanderAsync(app.Client(), compte.Email!);

        Assert.Contains(MotDePasseOublieModel.MessageEnvoye, WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.NombreMessagesAsync(compte.Email!));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_new_address_becomes_the_sign_in_name_only_once_confirmed_from_the_new_mailbox(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var compte = await app.CreerUtilisateurAsync(Roles.Regulation);
        var client = await app.ConnecterAsync(compte.Email!);

        var demande = await client.PosterFormulaireAsync("/compte/profil", new Dictionary<string, string> { ["nouvelEmail"] = "nouvelle@test.invalid" },
            action: "/compte/profil?handler=Email");
        var lien = await app.DernierLienAsync("nouvelle@test.invalid");
        var avant = await app.ConnecterAsync(compte.Email!);
        var page = await app.Client().PageAsync(lien);
        var confirmation = await app.Client().PosterFormulaireAsync(lien, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, demande.StatusCode);
        Assert.NotNull(avant);
        Assert.Contains("nouvelle@test.invalid", page, StringComparison.Ordinal);
        Assert.Contains("Votre adresse est changée", await confirmation.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(await app.ConnecterAsync("nouvelle@test.invalid"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.ConnecterAsync(compte.Email!));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task An_address_already_used_by_another_account_is_refused_and_nothing_is_sent(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var autre = await app.CreerUtilisateurAsync(Roles.Bureau);
        var client = await app.ClientConnecteAsync(Roles.Regulation);

        var reponse = await client.PosterFormulaireAsync("/compte/profil", new Dictionary<string, string> { ["nouvelEmail"] = autre.Email! },
            action: "/compte/profil?handler=Email");

        Assert.Contains("déjà celle d'un autre compte", WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.NombreMessagesAsync(autre.Email!));
    }
}
