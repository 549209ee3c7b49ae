namespace OpenCpts.Web.Features.Demo;

/// <summary>
/// What the pathway demo generators need: the demo CPTS, its hospital (the "hopital" account's structure),
/// the nurse of the "ide" account and the GP of the "pro" account, and the time of loading.
/// </summary>
public sealed record DemoParcours(int CptsId, int HopitalId, int InfirmiereId, int MedecinId, DateTime Maintenant);
