using System.Globalization;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Fhir;
using Task = System.Threading.Tasks.Task;

namespace OpenCpts.Web.Features.Sas.Fhir;

/// <summary>Reads of the resources the slot search returns, and the Schedule and Practitioner searches. Only what
/// the SAS may see exists: a booked or past slot, or a professional of no CPTS hosted here, is 404.</summary>
public sealed class LireRessourcesSas(SourceSas source, RechercherCreneauxSas creneaux, IOptions<OptionsSas> options)
{
    public async Task<IResult> LireAsync(string type, string id, string baseUrl, CancellationToken ct)
    {
        Resource? ressource = type switch
        {
            "Slot" => await SlotAsync(id, baseUrl, ct),
            "Schedule" => (await ScheduleAsync(id, ct)) is { } s ? RessourcesSas.Schedule(s.P, s.S) : null,
            "PractitionerRole" => (await ScheduleAsync(id, ct)) is { } r ? RessourcesSas.PractitionerRole(r.P, r.S, creneaux.SystemeSites(baseUrl)) : null,
            "Practitioner" => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && (await source.ProfessionnelsAsync(null, pid, ct)) is [var p, ..] ? RessourcesSas.Practitioner(p.Professionnel) : null,
            "HealthcareService" => (await CptsAsync(id, ct)) is { } k ? RessourcesSas.HealthcareService(k) : null,
            "Organization" => (await CptsAsync(id, ct)) is { } o ? RessourcesSas.Organization(o) : null,
            _ => null,
        };
        return ressource is null ? ReponsesFhir.Introuvable(type, id) : ReponsesFhir.Ressource(ressource);
    }

    private async Task<Slot?> SlotAsync(string id, string baseUrl, CancellationToken ct)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var creneauId))
        {
            return null;
        }
        var lignes = await source.CreneauxAsync(null, null, null, creneauId, ct);
        if (lignes.Count == 0)
        {
            return null;
        }
        var l = lignes[0];
        return RessourcesSas.Slot(l.Creneau, l.Professionnel, l.Site, lignes.Select(x => x.Cpts.Id),
            options.Value.UrlReservation(options.Value.UrlPublique ?? baseUrl, l.Creneau.Id));
    }

    private Task<CptsSas?> CptsAsync(string id, CancellationToken ct) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var cptsId) ? source.CptsAsync(cptsId, ct) : Task.FromResult<CptsSas?>(null);

    /// <summary>"12-34": professional 12 at site 34; "12": professional 12, who has no site.</summary>
    private async Task<(ProfessionnelSas P, SiteSas? S)?> ScheduleAsync(string id, CancellationToken ct)
    {
        var parties = id.Split('-');
        if (parties.Length > 2 || !int.TryParse(parties[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return null;
        }
        int? siteId = null;
        if (parties.Length == 2)
        {
            if (!int.TryParse(parties[1], NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                return null;
            }
            siteId = s;
        }
        if ((await source.ProfessionnelsAsync(null, pid, ct)) is not [var p, ..])
        {
            return null;
        }
        var sites = await source.SitesAsync(pid, ct);
        if (siteId is null)
        {
            return sites.Count == 0 ? (p.Professionnel, null) : null;
        }
        var site = sites.FirstOrDefault(x => x.Id == siteId);
        return site is null ? null : (p.Professionnel, site);
    }

    /// <summary><c>GET /fhir/Practitioner?identifier=urn:oid:1.2.250.1.71.4.2.1|8…[,…]</c>.</summary>
    public async Task<IResult> RechercherPractitionersAsync(RequeteFhir requete, string baseUrl, string urlDemandee, CancellationToken ct)
    {
        var (identifiants, erreur) = Identifiants(requete, "identifier");
        if (erreur is not null)
        {
            return erreur;
        }
        var professionnels = await source.ProfessionnelsAsync(identifiants, null, ct);
        var bundle = Recherche(urlDemandee, professionnels.Count);
        foreach (var (p, _) in professionnels)
        {
            RechercherCreneauxSas.Ajouter(bundle, baseUrl, RessourcesSas.Practitioner(p), Bundle.SearchEntryMode.Match);
        }
        return ReponsesFhir.Ressource(bundle);
    }

    /// <summary><c>GET /fhir/Schedule?actor=Practitioner/12</c> or <c>?actor:Practitioner.identifier=urn:oid:…|8…</c>:
    /// the agendas (one per practice site) of the professionals.</summary>
    public async Task<IResult> RechercherSchedulesAsync(RequeteFhir requete, string baseUrl, string urlDemandee, CancellationToken ct)
    {
        IReadOnlyList<(ProfessionnelSas Professionnel, IReadOnlyList<CptsSas> Cpts)> professionnels;
        var acteurs = requete.Valeurs("actor");
        if (acteurs.Count == 1 && requete.Inconnu("actor") is null)
        {
            var reference = acteurs[0].StartsWith("Practitioner/", StringComparison.Ordinal) ? acteurs[0]["Practitioner/".Length..] : acteurs[0];
            if (!int.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return ReponsesFhir.Invalide($"actor={acteurs[0]} invalide : attendu Practitioner/{{id}}.", $"actor={acteurs[0]} is invalid: expected Practitioner/{{id}}.");
            }
            professionnels = await source.ProfessionnelsAsync(null, pid, ct);
        }
        else
        {
            var (identifiants, erreur) = Identifiants(requete, "actor:Practitioner.identifier");
            if (erreur is not null)
            {
                return erreur;
            }
            professionnels = await source.ProfessionnelsAsync(identifiants, null, ct);
        }
        var schedules = new List<Schedule>();
        foreach (var (p, _) in professionnels)
        {
            var sites = await source.SitesAsync(p.Id, ct);
            schedules.AddRange(sites.Count == 0 ? [RessourcesSas.Schedule(p, null)] : sites.Select(s => RessourcesSas.Schedule(p, s)));
        }
        var bundle = Recherche(urlDemandee, schedules.Count);
        foreach (var s in schedules)
        {
            RechercherCreneauxSas.Ajouter(bundle, baseUrl, s, Bundle.SearchEntryMode.Match);
        }
        return ReponsesFhir.Ressource(bundle);
    }

    private static (IReadOnlyList<string>?, IResult?) Identifiants(RequeteFhir requete, string parametre)
    {
        if (requete.Inconnu(parametre) is { } inconnu)
        {
            return (null, ReponsesFhir.NonPrisEnCharge($"Paramètre « {inconnu} » non pris en charge.", $"Parameter '{inconnu}' is not supported."));
        }
        var valeurs = requete.Valeurs(parametre);
        if (valeurs.Count != 1)
        {
            return (null, ReponsesFhir.Invalide($"Paramètre {parametre} obligatoire, une seule fois.", $"Parameter {parametre} is required, once."));
        }
        var jetons = valeurs[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (jetons.Length is 0 or > RechercherCreneauxSas.MaximumIdentifiants)
        {
            return (null, ReponsesFhir.Invalide($"De 1 à {RechercherCreneauxSas.MaximumIdentifiants} identifiants attendus.",
                $"From 1 to {RechercherCreneauxSas.MaximumIdentifiants} identifiers expected."));
        }
        var identifiants = new List<string>();
        foreach (var jeton in jetons)
        {
            var (identifiant, erreur) = IdentifiantNational.Lire(jeton);
            if (erreur is not null)
            {
                return (null, erreur);
            }
            identifiants.Add(identifiant!);
        }
        return (identifiants, null);
    }

    private static Bundle Recherche(string urlDemandee, int total) => new()
    {
        Id = Guid.NewGuid().ToString(),
        Type = Bundle.BundleType.Searchset,
        Total = total,
        Link = [new Bundle.LinkComponent { Relation = "self", Url = urlDemandee }],
    };
}
