using Microsoft.Playwright;
using OpenCpts.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(OpenCpts.E2E.Infrastructure.Navigateur))]

namespace OpenCpts.E2E.Infrastructure;

/// <summary>
/// One headless Chromium for the whole run: Debian's /usr/bin/chromium (or OPENCPTS_CHROMIUM),
/// driven by Playwright without any browser download. Each test opens its own context.
/// </summary>
public sealed class Navigateur : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(15_000);
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("OPENCPTS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine has no internet: keep Chromium from trying to reach Google's services.
            Args = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (cookies, storage) pointed at the test's platform (a host of its own).</summary>
    public async Task<IPage> NouvellePageAsync(OpenCptsApp app)
    {
        var contexte = await Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.AdresseBase.ToString().TrimEnd('/'), Locale = "fr-FR" });
        // Generous: CI runs on 2 shared cores, and the first request of a platform compiles its pages.
        contexte.SetDefaultTimeout(30_000);
        contexte.SetDefaultNavigationTimeout(30_000);
        return await contexte.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
