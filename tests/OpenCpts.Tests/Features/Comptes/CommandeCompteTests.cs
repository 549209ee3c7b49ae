using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;

namespace OpenCpts.Tests.Features.Comptes;

public class CommandeCompteTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_user_create_command_makes_a_first_coordinator_who_can_sign_in_with_the_printed_password(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var sortie = new StringWriter();

        var code = await app.AvecServicesAsync(sp => CommandeCompte.CreerAsync(sp, ["--email", "premier@test.invalid", "--role", Roles.Coordination], sortie, TextWriter.Null));

        Assert.Equal(0, code);
        var motDePasse = sortie.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        var client = await app.ConnecterAsync("premier@test.invalid", motDePasse);
        Assert.Contains("Coordination", await client.GetStringAsync("/"));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_user_create_command_refuses_an_unknown_role_with_a_message(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var erreurs = new StringWriter();

        var code = await app.AvecServicesAsync(sp => CommandeCompte.CreerAsync(sp, ["--email", "x@test.invalid", "--role", "Admin"], TextWriter.Null, erreurs));

        Assert.Equal(1, code);
        Assert.Contains("Choisissez un rôle.", erreurs.ToString());
    }
}
