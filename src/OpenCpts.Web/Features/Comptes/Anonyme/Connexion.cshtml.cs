using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenCpts.Web.Features.Comptes.Rattachement;
using OpenCpts.Web.Features.Demo;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Comptes.Anonyme;

public class ConnexionModel(
    SignInManager<Utilisateur> connexion,
    UserManager<Utilisateur> utilisateurs,
    IPasswordHasher<Utilisateur> hacheur,
    IHostEnvironment environnement,
    JournalAudit audit,
    OpenCptsDb db,
    ILogger<ConnexionModel> logger) : PageModel
{
    /// <summary>The only failure message: a wrong password, an unknown address and a locked account look the same.</summary>
    public const string MessageEchec = "Adresse e-mail ou mot de passe incorrect.";

    /// <summary>A hash of a random password, checked when the address is unknown: the answer then costs the same
    /// hashing work as for a real account, so its time does not tell whether the account exists.</summary>
    private static readonly Lazy<string> EmpreinteFactice = new(() =>
        new PasswordHasher<Utilisateur>().HashPassword(new Utilisateur(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    [BindProperty, Required(ErrorMessage = "L'adresse e-mail est obligatoire."), EmailAddress(ErrorMessage = "Adresse e-mail invalide.")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Le mot de passe est obligatoire."), DataType(DataType.Password)]
    public string MotDePasse { get; set; } = "";

    [BindProperty]
    public bool SeSouvenir { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Email.Trim();
        var utilisateur = await utilisateurs.FindByNameAsync(email);
        // The demo password is public: outside Development it opens nothing, even an account that still has it.
        var motDePasseDemo = !environnement.IsDevelopment() && MotDePasse == SeedDemo.MotDePasse;
        if (utilisateur is null || motDePasseDemo)
        {
            hacheur.VerifyHashedPassword(new Utilisateur(), EmpreinteFactice.Value, MotDePasse);
            await audit.EnregistrerAsync("Refus", "Connexion", Tronquer(email),
                utilisateur is null ? "Échec de connexion : compte inconnu" : "Échec de connexion : mot de passe de démonstration refusé hors Development", ct);
            return Echec();
        }
        var resultat = await connexion.PasswordSignInAsync(utilisateur, MotDePasse, SeSouvenir, lockoutOnFailure: true);
        if (resultat.Succeeded)
        {
            logger.LogInformation("Connexion de {Email}", email);
            await audit.EnregistrerPourCptsAsync(await db.CptsDuCompteAsync(utilisateur.Id, ct), "Connexion", "Connexion", utilisateur.Id, $"Connexion réussie de {Tronquer(email)} (mot de passe)");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (resultat.RequiresTwoFactor)
        {
            return RedirectToPage("/Comptes/Anonyme/ConnexionDeuxFacteurs", new { ReturnUrl, SeSouvenir });
        }
        if (resultat.IsLockedOut)
        {
            logger.LogWarning("Compte verrouillé : {Email}", email);
            await audit.EnregistrerPourCptsAsync(await db.CptsDuCompteAsync(utilisateur.Id, ct), "Verrouillage", "Connexion", utilisateur.Id, $"Connexion refusée : compte {Tronquer(email)} verrouillé");
            return Echec();
        }
        await audit.EnregistrerPourCptsAsync(await db.CptsDuCompteAsync(utilisateur.Id, ct), "Refus", "Connexion", utilisateur.Id, $"Échec de connexion de {Tronquer(email)} : mot de passe incorrect");
        return Echec();
    }

    private PageResult Echec()
    {
        ModelState.AddModelError("", MessageEchec);
        return Page();
    }

    private static string Tronquer(string s) => s.Length <= 120 ? s : s[..120];
}
