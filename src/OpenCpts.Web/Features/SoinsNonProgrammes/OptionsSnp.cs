namespace OpenCpts.Web.Features.SoinsNonProgrammes;

/// <summary><c>OpenCpts:Snp</c> settings.</summary>
public sealed class OptionsSnp
{
    /// <summary>How far ahead slots are materialised from the patterns (rolling horizon).</summary>
    public int HorizonJours { get; set; } = 56;

    /// <summary>Materialise at start-up and every 6 hours. Off in the "Testing" environment unless set explicitly.</summary>
    public bool? MaterialisationAuto { get; set; }
}
