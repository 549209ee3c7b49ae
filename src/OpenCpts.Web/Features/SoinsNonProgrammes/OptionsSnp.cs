using System.ComponentModel.DataAnnotations;

namespace OpenCpts.Web.Features.SoinsNonProgrammes;

/// <summary><c>OpenCpts:Snp</c> settings.</summary>
public sealed class OptionsSnp
{
    /// <summary>How far ahead slots are materialised from the patterns (rolling horizon).</summary>
    [Range(1, 366)]
    public int HorizonJours { get; set; } = 56;
}
