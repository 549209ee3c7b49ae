using System.Net;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Comptes;

public class ProfilTests
{
    private const string NouveauMotDePasse = "Nouveau-Secret-2027#";

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_profile_shows_name_email_roles_and_two_factor_status(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.LectureInstitutionnelle, u => u.NomAffiche = "Délégation ARS Cher");
        var client = await app.ConnecterAsync(utilisateur.Email!);

        var html = await (await client.GetAsync("/compte/profil")).TexteAsync();

        Assert.Contains("Délégation ARS Cher", html);
        Assert.Contains(utilisateur.Email!, html);
        Assert.Contains("Lecture institutionnelle", html);
        Assert.Contains("Activer la double authentification", html);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Changing_the_password_keeps_the_session_and_the_new_one_signs_in(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var utilisateur = await app.CreerUtilisateurAsync(Roles.Bureau);
        var client = await app.ConnecterAsync(utilisateur.Email!);

        var reponse = await client.PosterFormulaireAsync("/compte/profil", new Dictionary<string, string>
        {
            ["MotDePasse.Actuel"] = OpenCptsApp.MotDePasse,
            ["MotDePasse.Nouveau"] = NouveauMotDePasse,
            ["MotDePasse.Confirmation"] = NouveauMotDePasse,
        }, action: "/compte/profil?handler=MotDePasse");

        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        Assert.Contains("Votre mot de passe a été modifié.", await (await client.GetAsync("/compte/profil")).TexteAsync());
        await app.ConnecterAsync(utilisateur.Email!, NouveauMotDePasse);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.ConnecterAsync(utilisateur.Email!));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_wrong_current_password_or_a_weak_new_one_is_refused_in_French(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var client = await app.ClientConnecteAsync(Roles.Bureau);

        var mauvaisActuel = await client.PosterFormulaireAsync("/compte/profil", new Dictionary<string, string>
        {
            ["MotDePasse.Actuel"] = "Pas-le-bon-1234",
            ["MotDePasse.Nouveau"] = NouveauMotDePasse,
            ["MotDePasse.Confirmation"] = NouveauMotDePasse,
        }, action: "/compte/profil?handler=MotDePasse");
        var faible = await client.PosterFormulaireAsync("/compte/profil", new Dictionary<string, string>
        {
            ["MotDePasse.Actuel"] = OpenCptsApp.MotDePasse,
            ["MotDePasse.Nouveau"] = "court",
            ["MotDePasse.Confirmation"] = "court",
        }, action: "/compte/profil?handler=MotDePasse");
        var confirmation = await client.PosterFormulaireAsync("/compte/profil", new Dictionary<string, string>
        {
            ["MotDePasse.Actuel"] = OpenCptsApp.MotDePasse,
            ["MotDePasse.Nouveau"] = NouveauMotDePasse,
            ["MotDePasse.Confirmation"] = NouveauMotDePasse + "x",
        }, action: "/compte/profil?handler=MotDePasse");

        Assert.Contains("Mot de passe incorrect.", await mauvaisActuel.TexteAsync());
        var erreurs = await faible.TexteAsync();
        Assert.Contains("Le mot de passe doit contenir au moins 12 caractères.", erreurs);
        Assert.Contains("Le mot de passe doit contenir au moins un chiffre.", erreurs);
        Assert.Contains("Le mot de passe doit contenir au moins une majuscule.", erreurs);
        Assert.Contains("La confirmation ne correspond pas au nouveau mot de passe.", await confirmation.TexteAsync());
    }
}
