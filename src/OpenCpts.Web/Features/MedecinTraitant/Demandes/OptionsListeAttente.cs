using System.ComponentModel.DataAnnotations;

namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>Settings of the public registration form, <c>OpenCpts:MedecinTraitant:*</c>.</summary>
public sealed class OptionsListeAttente
{
    /// <summary>Registrations (POSTs of the public form) accepted per IP address and per hour.</summary>
    [Range(1, 10_000)]
    public int InscriptionsParHeure { get; set; } = 5;

    /// <summary>
    /// Registrations through the public form accepted per hour from all addresses together: a flood from many
    /// addresses stops there, and the Coordination is told once.
    /// </summary>
    [Range(1, 1_000_000)]
    public int InscriptionsParHeureTotal { get; set; } = 60;

    /// <summary>How long the anti-robot question of the public form stays valid.</summary>
    [Range(1, 24 * 60)]
    public int DureeDefiMinutes { get; set; } = 30;
}
