using Microsoft.Playwright;
using OpenCpts.Tests.Infrastructure;

namespace OpenCpts.E2E.Infrastructure;

/// <summary>Steps shared by the journeys.</summary>
public static class Parcours
{
    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public static async Task SeConnecterAsync(this IPage page, string email, string motDePasse = OpenCptsApp.MotDePasse)
    {
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(motDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/compte/connexion", StringComparison.Ordinal));
    }
}
