using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenCpts.Tests.Infrastructure.Messages;

/// <summary>
/// An SMS provider on a loopback port, one per test class (a class fixture): records every request and answers like
/// Twilio (<c>…/Messages.json</c>: 201 and a message resource) or like a generic gateway (200 and an id), unless
/// answers were forced for the recipient (a status, a body, a delay longer than the platform waits).
/// </summary>
public sealed class BouchonSms : IAsyncLifetime
{
    public sealed record Requete(string Methode, string Chemin, string Parametres, IReadOnlyDictionary<string, string> EnTetes, string TypeContenu, string Corps)
    {
        /// <summary>The request as text, URL-decoded (form bodies and query strings), to find a recipient in it.</summary>
        public string Decodee => WebUtility.UrlDecode(Parametres) + " " + Corps + " " + WebUtility.UrlDecode(Corps);
    }

    /// <summary>An answer forced for one recipient.</summary>
    public sealed record Reponse(int Statut, string Corps = "", TimeSpan? Attente = null);

    private WebApplication? _app;
    private int _numero;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reponse>> _forcees = new();

    public ConcurrentQueue<Requete> Recues { get; } = new();

    /// <summary>http://127.0.0.1:PORT</summary>
    public string Adresse { get; private set; } = "";

    /// <summary>The next requests for <paramref name="numeroE164"/> get these answers, in order; then the normal one.</summary>
    public void Forcer(string numeroE164, params Reponse[] reponses)
    {
        var file = _forcees.GetOrAdd(Chiffres(numeroE164), _ => new ConcurrentQueue<Reponse>());
        foreach (var r in reponses)
        {
            file.Enqueue(r);
        }
    }

    /// <summary>The requests that named this recipient (with or without its "+").</summary>
    public IReadOnlyList<Requete> Pour(string numeroE164) =>
        Recues.Where(r => r.Decodee.Contains(Chiffres(numeroE164), StringComparison.Ordinal)).ToList();

    private static string Chiffres(string numero) => numero.TrimStart('+');

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Map("/{**chemin}", RepondreAsync);
        await _app.StartAsync();
        Adresse = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    private async Task RepondreAsync(HttpContext http)
    {
        using var lecteur = new StreamReader(http.Request.Body);
        var requete = new Requete(http.Request.Method, http.Request.Path, http.Request.QueryString.Value ?? "",
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            http.Request.ContentType ?? "", await lecteur.ReadToEndAsync());
        Recues.Enqueue(requete);
        var forcee = _forcees.FirstOrDefault(f => requete.Decodee.Contains(f.Key, StringComparison.Ordinal)).Value is { } file
            && file.TryDequeue(out var r) ? r : null;
        if (forcee?.Attente is { } attente)
        {
            try
            {
                await Task.Delay(attente, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        var n = Interlocked.Increment(ref _numero).ToString(CultureInfo.InvariantCulture);
        var twilio = http.Request.Path.Value!.EndsWith("/Messages.json", StringComparison.Ordinal);
        http.Response.StatusCode = forcee?.Statut ?? (twilio ? 201 : 200);
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(forcee is { Corps.Length: > 0 } ? forcee.Corps
            : forcee is not null ? ""
            : twilio ? $$"""{"sid":"SM{{n.PadLeft(32, '0')}}","status":"queued","num_segments":"1"}"""
            : $$"""{"id":"passerelle-{{n}}","statut":"accepte"}""");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
