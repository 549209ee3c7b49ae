using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Features.Demo;
using OpenCpts.Web.Features.Territoire;

namespace OpenCpts.Web.Infrastructure.Data;

public static class PreparationBase
{
    /// <summary>
    /// Start-up preparation: migrations (SQLite by default; PostgreSQL only when asked, production
    /// uses <c>-- migrate</c>), the communes reference on an empty base, and the demo CPTS when enabled.
    /// </summary>
    public static async Task PreparerBaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PerimetreCpts>().OuvrirToutes();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<OptionsBaseDeDonnees>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<OpenCptsDb>();
        var migrer = options.MigrerAuDemarrage ?? !db.EstPostgres;
        if (migrer)
        {
            await db.Database.MigrateAsync();
        }
        await scope.ServiceProvider.GetRequiredService<ImportCommunes>().ChargerSiVideAsync();
        var demo = scope.ServiceProvider.GetRequiredService<IOptions<OptionsDemo>>().Value;
        // The demo accounts share a published password: never in Production, whatever the settings say.
        if (demo.Charger && app.Environment.IsProduction())
        {
            app.Logger.LogWarning("{Message}", CommandeDemo.MessageProduction);
        }
        else if (demo.Charger)
        {
            await scope.ServiceProvider.GetRequiredService<SeedDemo>().ChargerSiAbsenteAsync();
        }
    }
}
