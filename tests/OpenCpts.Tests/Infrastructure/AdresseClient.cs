using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace OpenCpts.Tests.Infrastructure;

/// <summary>
/// The in-memory server has no socket, so no client address: with this, a request header (<see cref="Entete"/>) sets
/// the address of the connection (the machine that opened it, e.g. a reverse proxy), before the platform's pipeline runs.
/// Shared hosts always honour it (<see cref="HotePartage"/>); a host of its own needs <see cref="Activer"/>.
/// </summary>
public static class AdresseClient
{
    public const string Entete = "X-Test-Adresse-Connexion";

    /// <summary>For <c>OpenCptsApp.DemarrerAsync(services: …)</c>.</summary>
    public static void Activer(IServiceCollection services) => services.AddSingleton<IStartupFilter, Filtre>();

    /// <summary>Sends the request as if the TCP connection came from <paramref name="adresse"/>.</summary>
    public static HttpRequestMessage Depuis(this HttpRequestMessage requete, string adresse)
    {
        requete.Headers.Add(Entete, adresse);
        return requete;
    }

    private sealed class Filtre : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> suivant) => app =>
        {
            app.Use((http, apres) =>
            {
                if (http.Request.Headers.TryGetValue(Entete, out var adresse))
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(adresse.ToString());
                }
                return apres(http);
            });
            suivant(app);
        };
    }
}
