using System.ComponentModel.DataAnnotations;

namespace OpenCpts.Web.Features.SoinsNonProgrammes;

/// <summary><c>OpenCpts:Snp</c> settings.</summary>
public sealed class OptionsSnp
{
    /// <summary>How far ahead slots are materialised from the patterns (rolling horizon).</summary>
    [Range(1, 366)]
    public int HorizonJours { get; set; } = 56;

    /// <summary>How long before the appointment the patient gets a reminder (SMS, and e-mail when known).</summary>
    [Range(typeof(TimeSpan), "00:10:00", "7.00:00:00", ErrorMessage = "OpenCpts:Snp:RappelAvant doit être entre 00:10:00 et 7.00:00:00.")]
    public TimeSpan RappelAvant { get; set; } = TimeSpan.FromHours(24);
}
