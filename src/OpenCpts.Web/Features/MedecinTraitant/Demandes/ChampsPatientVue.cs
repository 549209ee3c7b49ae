
namespace OpenCpts.Web.Features.MedecinTraitant.Demandes;

/// <summary>What the shared patient fields partial (<c>_ChampsPatient</c>) shows.</summary>
public sealed record ChampsPatientVue(
    string? Nom, string? Prenom, DateOnly? DateNaissance, string? Sexe, string? Ins, string? Telephone, string? Email,
    string? Commune, string? Raison, IReadOnlyList<string> CriteresChoisis, IReadOnlyList<(string Code, string Nom)> Communes);
