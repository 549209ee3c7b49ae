using System.Net.Http.Headers;
using OpenCpts.Tests.Infrastructure;

namespace OpenCpts.Tests.Features.Parcours.Equipe;

/// <summary>Posting in a patient's thread as the browser does: multipart form with the antiforgery token of the page.</summary>
public static class FilEquipeDeTest
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
    /// <summary>The start of a Windows executable ("MZ").</summary>
    public static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];

    public static async Task<HttpResponseMessage> PublierAsync(this HttpClient client, long patientId, string texte,
        params (string Nom, string Type, byte[] Contenu)[] fichiers)
    {
        var page = $"/parcours/patients/{patientId}";
        var jeton = await client.JetonAntiforgeryAsync(page);
        using var formulaire = new MultipartFormDataContent
        {
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new StringContent(texte), "Texte" },
        };
        foreach (var (nom, type, contenu) in fichiers)
        {
            var partie = new ByteArrayContent(contenu);
            partie.Headers.ContentType = new MediaTypeHeaderValue(type);
            formulaire.Add(partie, "fichiers", nom);
        }
        return await client.PostAsync(page + "?handler=Message", formulaire);
    }
}
