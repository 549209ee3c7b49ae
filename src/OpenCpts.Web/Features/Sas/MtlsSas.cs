using System.Security.Cryptography.X509Certificates;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Fhir;

namespace OpenCpts.Web.Features.Sas;

/// <summary>Mutual TLS of /fhir (section <c>OpenCpts:Sas:Mtls</c>), as the guide's securite page describes it.</summary>
public sealed class OptionsMtls
{
    public bool Active { get; set; }
    /// <summary>CN or OU values of the certificate subjects allowed on /fhir.</summary>
    public List<string> SujetsAutorises { get; set; } = [];
    /// <summary>PEM/DER file of the certification authority (IGC-Santé) the client chain must end at; empty = the system store.</summary>
    public string? FichierAutorite { get; set; }
}

/// <summary>
/// When active, Kestrel asks every HTTPS client for a certificate (<see cref="ClientCertificateMode.AllowCertificate"/>:
/// the rest of the site works without one) and /fhir refuses requests without a valid, allowed one.
/// The chain is checked here rather than by Kestrel so that the CA can be a configured file; no CRL/OCSP check.
/// </summary>
public static class MtlsSas
{
    public static void Ajouter(IServiceCollection services) =>
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<OptionsSas>>((kestrel, sas) =>
        {
            if (sas.Value.Mtls.Active)
            {
                kestrel.ConfigureHttpsDefaults(h =>
                {
                    h.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                    h.ClientCertificateValidation = (_, _, _) => true;
                });
            }
        });

    /// <summary>Whether /fhir asks for a client certificate (<c>OpenCpts:Sas:Mtls:Active</c>).</summary>
    public static bool Actif(IServiceProvider services) => services.GetRequiredService<IOptions<OptionsSas>>().Value.Mtls.Active;

    /// <summary>Middleware of /fhir when <see cref="Actif"/> (placed by <see cref="Infrastructure.Web.Pipeline"/>).</summary>
    public static async System.Threading.Tasks.Task VerifierAsync(HttpContext ctx, RequestDelegate suivant)
    {
        var options = ctx.RequestServices.GetRequiredService<IOptions<OptionsSas>>().Value.Mtls;
        var certificat = await ctx.Connection.GetClientCertificateAsync(ctx.RequestAborted);
        if (certificat is null)
        {
            await ReponsesFhir.EcrireAsync(ctx, ReponsesFhir.Issue(OperationOutcome.IssueType.Login,
                "Certificat client requis (TLS mutuel).", "Client certificate required (mutual TLS)."), StatusCodes.Status401Unauthorized);
            return;
        }
        if (!Autorise(certificat, options))
        {
            await ReponsesFhir.EcrireAsync(ctx, ReponsesFhir.Issue(OperationOutcome.IssueType.Forbidden,
                "Certificat client non reconnu ou sujet non autorisé.", "Client certificate not trusted or subject not allowed."), StatusCodes.Status403Forbidden);
            return;
        }
        await suivant(ctx);
    }

    /// <summary>Chain valid up to the configured CA (no revocation check) and CN or an OU in the allowed subjects.</summary>
    public static bool Autorise(X509Certificate2 certificat, OptionsMtls options)
    {
        using var chaine = new X509Chain();
        chaine.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (!string.IsNullOrWhiteSpace(options.FichierAutorite))
        {
            chaine.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chaine.ChainPolicy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificateFromFile(options.FichierAutorite));
        }
        if (!chaine.Build(certificat))
        {
            return false;
        }
        var sujets = new List<string> { certificat.GetNameInfo(X509NameType.SimpleName, false) };
        foreach (var rdn in certificat.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == "2.5.4.11" && rdn.GetSingleElementValue() is { } ou)
            {
                sujets.Add(ou);
            }
        }
        return sujets.Any(s => options.SujetsAutorises.Contains(s, StringComparer.Ordinal));
    }
}
