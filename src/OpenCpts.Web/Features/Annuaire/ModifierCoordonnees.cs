using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Infrastructure;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Annuaire;

/// <summary>The personal contact details a professional declares for the CPTS.</summary>
public sealed record Coordonnees
{
    [Display(Name = "Téléphone mobile")]
    [RegularExpression(@"^\s*(\+33|0)\s*[1-9]([\s.\-]*\d){8}\s*$", ErrorMessage = "Numéro de téléphone invalide (10 chiffres, ex. 06 12 34 56 78).")]
    public string? TelephoneMobile { get; init; }

    [Display(Name = "Adresse e-mail")]
    [EmailAddress(ErrorMessage = "Adresse e-mail invalide.")]
    [StringLength(200, ErrorMessage = "200 caractères au plus.")]
    public string? Email { get; init; }
}

/// <summary>Updates a professional's mobile phone and e-mail (his own entry, from /annuaire/moi).</summary>
public sealed class ModifierCoordonnees(OpenCptsDb db, TimeProvider horloge)
{
    /// <returns>False when the professional does not exist.</returns>
    public async Task<bool> ExecuteAsync(int professionnelId, Coordonnees coordonnees, CancellationToken ct = default)
    {
        var professionnel = await db.Professionnels.FirstOrDefaultAsync(p => p.Id == professionnelId, ct);
        if (professionnel is null)
        {
            return false;
        }
        professionnel.TelephoneMobile = NumeroTelephone.Normaliser(coordonnees.TelephoneMobile);
        professionnel.Email = string.IsNullOrWhiteSpace(coordonnees.Email) ? null : coordonnees.Email.Trim();
        professionnel.MisAJourLeUtc = horloge.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
