using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using OpenCpts.Tests.Infrastructure;
using OpenCpts.Web.Features.MedecinTraitant.Demandes;

namespace OpenCpts.Tests.Features.MedecinTraitant;

/// <summary>Intent methods for the waiting-list tests.</summary>
public static partial class ListeAttenteMt
{
    /// <summary>
    /// The platform with a CPTS on Bourges and Saint-Doulchard; <paramref name="inscriptionsParHeure"/> sets the public form's
    /// per-address limit, <paramref name="inscriptionsParHeureTotal"/> its global cap. Requests may set the connection's
    /// address (<see cref="AdresseClient"/>).
    /// </summary>
    public static async Task<OpenCptsApp> DemarrerAsync(Fournisseur fournisseur, int inscriptionsParHeure = 100, int inscriptionsParHeureTotal = 1000,
        IReadOnlyDictionary<string, string?>? parametres = null)
    {
        // Settings, not services: the tests with the same limits share a host (which honours the client address header).
        var reglages = new Dictionary<string, string?>(parametres ?? new Dictionary<string, string?>())
        {
            ["OpenCpts:MedecinTraitant:InscriptionsParHeure"] = inscriptionsParHeure.ToString(CultureInfo.InvariantCulture),
            ["OpenCpts:MedecinTraitant:InscriptionsParHeureTotal"] = inscriptionsParHeureTotal.ToString(CultureInfo.InvariantCulture),
        };
        var app = await OpenCptsApp.DemarrerAsync(fournisseur, parametres: reglages);
        await app.CreerCptsAsync("18033", "18205");
        return app;
    }

    private static int _numero;

    /// <summary>Puts a request straight in the database.</summary>
    public static Task<DemandeMedecinTraitant> AjouterDemandeAsync(this OpenCptsApp app, string nom, string prenom, DateOnly naissance,
        CriteresPriorite criteres = CriteresPriorite.Aucun, DateTime? inscritLeUtc = null, string? ins = null, string? inscritPar = null,
        string statut = StatutsDemandeMt.EnAttente) => app.AvecDbAsync(async db =>
    {
        var d = new DemandeMedecinTraitant
        {
            Reference = "MT-2026-" + Interlocked.Increment(ref _numero).ToString("D6", CultureInfo.InvariantCulture),
            CptsId = db.Cpts.OrderBy(c => c.Id).First().Id,
            Nom = nom,
            Prenom = prenom,
            NomNormalise = DemandeMtValide.NormaliserNom(nom, prenom),
            DateNaissance = naissance,
            Sexe = "F",
            Ins = ins,
            Telephone = "0639980001",
            CodeCommune = "18033",
            Criteres = criteres,
            Statut = statut,
            InscritPar = inscritPar,
            InscritLeUtc = inscritLeUtc ?? app.Horloge.GetUtcNow().UtcDateTime,
        };
        db.DemandesMedecinTraitant.Add(d);
        await db.SaveChangesAsync();
        return d;
    });

    /// <summary>A valid public form.</summary>
    public static Dictionary<string, string> FormulairePublic() => new()
    {
        ["Nom"] = "Fontaine-Aubry",
        ["Prenom"] = "Maëlle",
        ["DateNaissance"] = "1948-04-12",
        ["Sexe"] = "F",
        ["Telephone"] = "06 39 98 00 12",
        ["Email"] = "",
        ["Commune"] = "18205",
        ["Raison"] = RaisonsSansMedecin.DepartRetraite,
        ["CriteresChoisis"] = "ALD",
        ["Consentement"] = "true",
        ["SiteWeb"] = "",
    };

    [GeneratedRegex(@"Combien font (\d+) \+ (\d+) \?")]
    public static partial Regex Question();

    [GeneratedRegex("name=\"JetonDefi\" value=\"([^\"]+)\"")]
    private static partial Regex Jeton();

    /// <summary>Reads the form, answers its question (right unless <paramref name="reponse"/> is given) and posts the fields.</summary>
    public static async Task<HttpResponseMessage> PosterInscriptionPubliqueAsync(this HttpClient client, IDictionary<string, string> champs, string? reponse = null)
    {
        var html = await client.GetStringAsync("/medecin-traitant/inscription");
        var q = Question().Match(WebUtility.HtmlDecode(html));
        var somme = int.Parse(q.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(q.Groups[2].Value, CultureInfo.InvariantCulture);
        var jeton = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var donnees = new Dictionary<string, string>(champs)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(jeton),
            ["JetonDefi"] = WebUtility.HtmlDecode(Jeton().Match(html).Groups[1].Value),
            ["ReponseDefi"] = reponse ?? somme.ToString(CultureInfo.InvariantCulture),
        };
        return await client.PostAsync("/medecin-traitant/inscription", new FormUrlEncodedContent(donnees));
    }
}
