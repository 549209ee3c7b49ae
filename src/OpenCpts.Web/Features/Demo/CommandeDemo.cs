using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Territoire;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Demo;

/// <summary><c>-- seed demo</c>: loads the demo CPTS, except in Production.</summary>
public static class CommandeDemo
{
    public const string MessageProduction =
        "La démo ne peut pas être chargée en environnement Production : ses comptes partagent un mot de passe public. / The demo cannot be seeded in the Production environment.";

    /// <summary>Writers default to the console; tests pass their own.</summary>
    public static async Task<int> ChargerAsync(IServiceProvider sp, TextWriter? sortie = null, TextWriter? erreurs = null)
    {
        sortie ??= Console.Out;
        erreurs ??= Console.Error;
        if (sp.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            await erreurs.WriteLineAsync(MessageProduction);
            return 1;
        }
        await sp.GetRequiredService<OpenCptsDb>().Database.MigrateAsync();
        await sp.GetRequiredService<ImportCommunes>().ChargerSiVideAsync();
        var charge = await sp.GetRequiredService<SeedDemo>().ChargerSiAbsenteAsync();
        await sortie.WriteLineAsync(charge ? "CPTS de démonstration chargée." : "La CPTS de démonstration est déjà présente.");
        if (sp.GetRequiredService<JetonDemoSas>().Valeur is { } jeton)
        {
            await sortie.WriteLineAsync($"Jeton d'API de la plateforme SAS ({SeedDemo.EmailPlateformeSas}) : {jeton}");
        }
        return 0;
    }
}
