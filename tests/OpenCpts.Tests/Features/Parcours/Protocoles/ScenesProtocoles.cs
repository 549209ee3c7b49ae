using System.Globalization;
using System.Net;
using OpenCpts.Tests.Infrastructure;

namespace OpenCpts.Tests.Features.Parcours.Protocoles;

/// <summary>Posting forms the way a browser does for these pages: repeated fields (checkboxes) and file uploads.</summary>
public static class FormulairesParcours
{
    /// <summary>GETs the page for its antiforgery token, then POSTs the fields (a name may repeat) to <paramref name="action"/> or the page.</summary>
    public static async Task<HttpResponseMessage> PosterChampsAsync(this HttpClient client, string urlPage, IEnumerable<(string Nom, string Valeur)> champs, string? action = null)
    {
        var jeton = await client.JetonAntiforgeryAsync(urlPage);
        var donnees = champs.Select(c => new KeyValuePair<string, string>(c.Nom, c.Valeur))
            .Append(new KeyValuePair<string, string>("__RequestVerificationToken", jeton));
        return await client.PostAsync(action ?? urlPage, new FormUrlEncodedContent(donnees));
    }

    /// <summary>Uploads one file with its declared content type to the protocol page's document handler.</summary>
    public static async Task<HttpResponseMessage> JoindreAsync(this HttpClient client, int protocole, string nomFichier, string type, byte[] contenu)
    {
        var page = $"/parcours/protocoles/{protocole}";
        var jeton = await client.JetonAntiforgeryAsync(page);
        using var formulaire = new MultipartFormDataContent();
        formulaire.Add(new StringContent(jeton), "__RequestVerificationToken");
        var fichier = new ByteArrayContent(contenu);
        fichier.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        formulaire.Add(fichier, "fichier", nomFichier);
        return await client.PostAsync(page + "?handler=Document", formulaire);
    }

    /// <summary>The fields of the pathway template form: name and steps (label, TRE_G15 profession, delay in days).</summary>
    public static IEnumerable<(string, string)> ChampsModele(string nom, IEnumerable<(string Libelle, string Profession, string Delai)> etapes)
    {
        yield return ("Nom", nom);
        yield return ("Description", "");
        yield return ("ProtocoleId", "");
        var i = 0;
        foreach (var (libelle, profession, delai) in etapes)
        {
            yield return ($"Etapes[{i}].Libelle", libelle);
            yield return ($"Etapes[{i}].CodeProfession", profession);
            yield return ($"Etapes[{i}].DelaiJours", delai);
            i++;
        }
    }

    /// <summary>Saves the template form posted to <paramref name="page"/> (/parcours/modeles/nouveau or …/{id}/modifier).</summary>
    public static Task<HttpResponseMessage> EnregistrerModeleAsync(this HttpClient client, string page, string nom,
        IEnumerable<(string Libelle, string Profession, string Delai)> etapes) =>
        client.PosterChampsAsync(page, ChampsModele(nom, etapes));

    /// <summary>The id at the end of a redirect's Location ("/parcours/protocoles/12" → 12).</summary>
    public static int IdRedirection(HttpResponseMessage reponse)
    {
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        return int.Parse(reponse.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }
}

/// <summary>Protocols created through the Coordination's form.</summary>
public static class ProtocolesDeTest
{
    public const string ContenuInitial = "## Surveillance\n\n- Pesée **chaque matin**\n- Appeler si +2 kg en 3 jours";

    public static IEnumerable<(string, string)> Champs(string titre = "Insuffisance cardiaque à domicile", string pathologie = "Insuffisance cardiaque",
        string contenu = ContenuInitial, string? commentaire = null, int? versionLue = null, params string[] professions)
    {
        yield return ("Titre", titre);
        yield return ("Pathologie", pathologie);
        yield return ("GroupeTravail", "Groupe cardiologie");
        yield return ("ContenuMarkdown", contenu);
        if (commentaire is not null)
        {
            yield return ("Commentaire", commentaire);
        }
        if (versionLue is not null)
        {
            yield return ("VersionLue", versionLue.Value.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var p in professions.Length == 0 ? ["10", "60"] : professions)
        {
            yield return ("Professions", p);
        }
    }

    public static async Task<int> CreerAsync(this HttpClient coordination, string titre = "Insuffisance cardiaque à domicile",
        string pathologie = "Insuffisance cardiaque", string contenu = ContenuInitial, params string[] professions) =>
        FormulairesParcours.IdRedirection(await coordination.PosterChampsAsync("/parcours/protocoles/nouveau",
            Champs(titre, pathologie, contenu, professions: professions)));

    public static async Task<HttpResponseMessage> ModifierAsync(this HttpClient coordination, int id, string contenu, string? commentaire = null,
        int? versionLue = null, string titre = "Insuffisance cardiaque à domicile") =>
        await coordination.PosterChampsAsync($"/parcours/protocoles/{id}/modifier", Champs(titre, contenu: contenu, commentaire: commentaire, versionLue: versionLue));

    public static async Task<HttpResponseMessage> ChangerStatutAsync(this HttpClient client, int id, string statut) =>
        await client.PosterChampsAsync($"/parcours/protocoles/{id}", [("statut", statut)], $"/parcours/protocoles/{id}?handler=Statut");
}
