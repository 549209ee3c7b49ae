using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.Sas;

namespace OpenCpts.Tests.Features.Sas;

/// <summary>
/// The authority made for the run and one Kestrel host in HTTPS per provider: every row only reads
/// (<c>/fhir/metadata</c>, <c>/healthz</c>), so the rows share them.
/// </summary>
public sealed class PlateformeMtls : IAsyncLifetime
{
    private readonly string _fichierAutorite = Path.Combine(Path.GetTempPath(), $"opencpts-ac-{Guid.NewGuid():N}.cer");
    private readonly UneParFournisseur<OpenCptsApp> _plateformes;

    public PlateformeMtls()
    {
        Autorite = MtlsSasTests.CreerAutorite("CN=AC de test OpenCPTS");
        File.WriteAllBytes(_fichierAutorite, Autorite.Export(X509ContentType.Cert));
        _plateformes = new(DemarrerAsync, app => app);
    }

    public X509Certificate2 Autorite { get; }

    public Task<OpenCptsApp> PlateformeAsync(Fournisseur fournisseur) => _plateformes.ObtenirAsync(fournisseur);

    private Task<OpenCptsApp> DemarrerAsync(Fournisseur fournisseur) =>
        OpenCptsApp.DemarrerAsync(fournisseur, s => s.Configure<OptionsSas>(o =>
        {
            o.Mtls.Active = true;
            o.Mtls.SujetsAutorises = ["Plateforme SAS"];
            o.Mtls.FichierAutorite = _fichierAutorite;
        }), kestrel: true, certificatHttps: MtlsSasTests.Emettre(Autorite, "CN=localhost", serveur: true));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _plateformes.DisposeAsync();
        Autorite.Dispose();
        File.Delete(_fichierAutorite);
    }
}

/// <summary>Mutual TLS on /fhir, with an authority and certificates made in the test, Kestrel in HTTPS on loopback.</summary>
public sealed class MtlsSasTests(PlateformeMtls plateforme) : IClassFixture<PlateformeMtls>
{
    internal static X509Certificate2 CreerAutorite(string sujet)
    {
        using var cle = RSA.Create(2048);
        var demande = new CertificateRequest(sujet, cle, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        demande.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        demande.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return demande.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private X509Certificate2 Emettre(string sujet, X509Certificate2? emetteur = null) => Emettre(emetteur ?? plateforme.Autorite, sujet);

    internal static X509Certificate2 Emettre(X509Certificate2 emetteur, string sujet, bool serveur = false)
    {
        var cle = RSA.Create(2048);
        var demande = new CertificateRequest(sujet, cle, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        demande.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serveur ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serveur)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            demande.CertificateExtensions.Add(san.Build());
        }
        using var signe = demande.Create(emetteur, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), RandomNumberGenerator.GetBytes(8));
        // Export/import so that the certificate carries its private key in a form SslStream accepts on every platform.
        return X509CertificateLoader.LoadPkcs12(signe.CopyWithPrivateKey(cle).Export(X509ContentType.Pkcs12), null);
    }

    private static async Task<HttpResponseMessage> AppelerAsync(OpenCptsApp app, X509Certificate2? certificat, string chemin)
    {
        using var gestionnaire = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        if (certificat is not null)
        {
            gestionnaire.ClientCertificateOptions = ClientCertificateOption.Manual;
            gestionnaire.ClientCertificates.Add(certificat);
        }
        using var client = new HttpClient(gestionnaire) { BaseAddress = app.AdresseBase };
        return await client.GetAsync(chemin);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_client_certificate_of_the_authority_with_an_allowed_OU_is_accepted_on_fhir(Fournisseur fournisseur)
    {
        var app = await plateforme.PlateformeAsync(fournisseur);

        var reponse = await AppelerAsync(app, Emettre("CN=sas-prod-01, OU=Plateforme SAS, O=ANS"), "/fhir/metadata");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task Without_a_client_certificate_fhir_answers_401_and_the_site_still_works(Fournisseur fournisseur)
    {
        var app = await plateforme.PlateformeAsync(fournisseur);

        var fhir = await AppelerAsync(app, null, "/fhir/metadata");
        var site = await AppelerAsync(app, null, "/healthz");

        Assert.Equal(HttpStatusCode.Unauthorized, fhir.StatusCode);
        Assert.Equal(HttpStatusCode.OK, site.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_client_certificate_with_a_subject_not_allowed_is_refused_with_403(Fournisseur fournisseur)
    {
        var app = await plateforme.PlateformeAsync(fournisseur);

        var reponse = await AppelerAsync(app, Emettre("CN=inconnu, OU=Autre service"), "/fhir/metadata");

        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
    }

    [Theory, ClassData(typeof(LesDeuxBases))]
    public async Task A_client_certificate_of_another_authority_is_refused_with_403(Fournisseur fournisseur)
    {
        var app = await plateforme.PlateformeAsync(fournisseur);
        using var autreAc = CreerAutorite("CN=Autre AC");

        var reponse = await AppelerAsync(app, Emettre("CN=Plateforme SAS", autreAc), "/fhir/metadata");

        Assert.Equal(HttpStatusCode.Forbidden, reponse.StatusCode);
    }
}
