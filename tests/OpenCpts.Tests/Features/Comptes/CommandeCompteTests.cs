using Microsoft.EntityFrameworkCore;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Comptes;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Features.Territoire;

namespace OpenCpts.Tests.Features.Comptes;

public class CommandeCompteTests
{
    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_cpts_create_then_user_create_commands_make_a_first_coordinator_who_can_sign_in_with_the_printed_password(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        var sortie = new StringWriter();

        var cpts = await app.AvecServicesAsync(sp => CommandeCpts.ExecuterAsync(sp, ["create", "--name", "CPTS du Sancerrois", "--host", "sancerrois.example.org"], sortie));
        var code = await app.AvecServicesAsync(sp => CommandeCompte.CreerAsync(sp, ["--email", "premier@test.invalid", "--role", Roles.Coordination], sortie, TextWriter.Null));

        Assert.Equal(0, cpts);
        Assert.Equal(0, code);
        var motDePasse = sortie.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        var client = await app.ConnecterAsync("premier@test.invalid", motDePasse);
        Assert.Contains("Coordination", await client.GetStringAsync("/"));
        Assert.Equal("CPTS du Sancerrois", await app.AvecDbAsync(db => db.Set<RattachementCpts>()
            .Where(r => db.Users.Any(u => u.Id == r.UtilisateurId && u.Email == "premier@test.invalid"))
            .Select(r => db.Cpts.Single(c => c.Id == r.CptsId).Nom).SingleAsync()));
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_user_create_command_needs_a_CPTS_and_asks_which_one_when_there_are_several(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);

        var sansCpts = await Assert.ThrowsAsync<ArgumentException>(() => app.AvecServicesAsync(sp =>
            CommandeCompte.CreerAsync(sp, ["--email", "a@test.invalid", "--role", Roles.Coordination], TextWriter.Null, TextWriter.Null)));
        var premiere = await app.CreerCptsNommeeAsync("CPTS A");
        var seconde = await app.CreerCptsNommeeAsync("CPTS B");
        var plusieurs = await Assert.ThrowsAsync<ArgumentException>(() => app.AvecServicesAsync(sp =>
            CommandeCompte.CreerAsync(sp, ["--email", "a@test.invalid", "--role", Roles.Coordination], TextWriter.Null, TextWriter.Null)));
        var code = await app.AvecServicesAsync(sp => CommandeCompte.CreerAsync(sp,
            ["--email", "b@test.invalid", "--role", Roles.Coordination, "--cpts", seconde.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TextWriter.Null, TextWriter.Null));

        Assert.Contains("cpts create", sansCpts.Message, StringComparison.Ordinal);
        Assert.Contains("--cpts", plusieurs.Message, StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.Equal([seconde.Id], await app.AvecDbAsync(db => db.Set<RattachementCpts>()
            .Where(r => db.Users.Any(u => u.Id == r.UtilisateurId && u.Email == "b@test.invalid")).Select(r => r.CptsId).ToListAsync()));
        Assert.False(await app.AvecDbAsync(db => db.Users.AnyAsync(u => u.Email == "a@test.invalid")));
        Assert.NotEqual(premiere.Id, seconde.Id);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task The_user_create_command_refuses_an_unknown_role_with_a_message(Fournisseur fournisseur)
    {
        await using var app = await OpenCptsApp.DemarrerAsync(fournisseur);
        await app.CreerCptsAsync();
        var erreurs = new StringWriter();

        var code = await app.AvecServicesAsync(sp => CommandeCompte.CreerAsync(sp, ["--email", "x@test.invalid", "--role", "Admin"], TextWriter.Null, erreurs));

        Assert.Equal(1, code);
        Assert.Contains("Choisissez un rôle.", erreurs.ToString());
    }
}
