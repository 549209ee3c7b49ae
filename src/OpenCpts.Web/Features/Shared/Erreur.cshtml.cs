using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenCpts.Web.Features.Shared;

[IgnoreAntiforgeryToken]
public class ErreurModel : PageModel
{
    public string Titre { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int code) => Remplir(code);

    // No parameter to bind: binding would read the request body (a refused upload of many megabytes) to look for one.
    public void OnPost() => Remplir(RouteData.Values["code"] is string c && int.TryParse(c, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 500);

    private void Remplir(int code)
    {
        // Keep the original status when re-executed by the status-code pages; direct visits get it too.
        if (Response.StatusCode == 200 && code is >= 400 and < 600)
        {
            Response.StatusCode = code;
        }
        (Titre, Message) = code switch
        {
            403 => ("Accès refusé", "Votre rôle ne permet pas d'accéder à cette page."),
            404 => ("Page introuvable", "Cette page n'existe pas ou a été déplacée."),
            400 => ("Requête invalide", "La requête n'a pas pu être traitée."),
            429 => ("Trop de demandes", "Trop de demandes ont été envoyées depuis cette connexion ou pour ce compte (connexion, formulaire d'inscription). Patientez avant de réessayer ; en cas d'urgence, appelez la CPTS."),
            413 => ("Envoi trop volumineux", "Les fichiers envoyés dépassent la taille autorisée (pièces jointes : 5 Mo chacune, 3 au plus ; documents de protocole : 10 Mo). Revenez à la page précédente et choisissez des fichiers plus petits."),
            _ => ("Erreur", "Une erreur est survenue. L'équipe technique a été prévenue."),
        };
    }
}
