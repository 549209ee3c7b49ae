using System.Globalization;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Fhir;

namespace OpenCpts.Web.Features.Sas.Fhir;

/// <summary>The SAS slot search (flow INT_R04): validated parameters of <c>GET /fhir/Slot</c>.</summary>
public sealed record RechercheCreneaux(
    IReadOnlyList<string> IdentifiantsNationaux, DateTime DebutMinUtc, DateTime DebutMaxUtc,
    bool InclureSchedule, bool InclureActeurs, bool InclureServices, bool InclureOrganisations, int? Nombre);

/// <summary>
/// Answers <c>GET /fhir/Slot?_include=Slot:schedule&amp;_include:iterate=Schedule:actor&amp;_include=Slot:service-type-reference
/// &amp;_include:iterate=HealthcareService:organization&amp;start=ge…&amp;start=le…&amp;schedule.actor:Practitioner.identifier=…&amp;status=free</c>
/// with a searchset Bundle of the sas-cpts-bundle-aggregator profile.
/// </summary>
public sealed partial class RechercherCreneauxSas(SourceSas source, FragmentsSas fragments, IOptions<OptionsSas> options)
{
    public const string ParametreIdentifiant = "schedule.actor:Practitioner.identifier";
    public const int MaximumIdentifiants = 25;

    private static readonly string[] Autorises = ["_include", "_include:iterate", "start", ParametreIdentifiant, "status", "_count"];

    public async Task<IResult> ExecuterAsync(RequeteFhir requete, string baseUrl, string urlDemandee, CancellationToken ct)
    {
        var (recherche, erreur) = Valider(requete);
        if (erreur is not null)
        {
            return erreur;
        }
        var lignes = await source.CreneauxAsync(recherche!.IdentifiantsNationaux, recherche.DebutMinUtc, recherche.DebutMaxUtc, null, ct);
        return Reponse(lignes, recherche, baseUrl, urlDemandee);
    }

    public static (RechercheCreneaux? Recherche, IResult? Erreur) Valider(RequeteFhir requete)
    {
        if (requete.Inconnu(Autorises) is { } inconnu)
        {
            return Refus(ReponsesFhir.NonPrisEnCharge($"Paramètre « {inconnu} » non pris en charge.", $"Parameter '{inconnu}' is not supported."));
        }
        var includes = requete.Valeurs("_include");
        var iterates = requete.Valeurs("_include:iterate");
        foreach (var include in includes)
        {
            if (include is not ("Slot:schedule" or "Slot:service-type-reference"))
            {
                return Refus(ReponsesFhir.NonPrisEnCharge($"_include={include} non pris en charge (Slot:schedule, Slot:service-type-reference).",
                    $"_include={include} is not supported (Slot:schedule, Slot:service-type-reference)."));
            }
        }
        foreach (var include in iterates)
        {
            if (include is not ("Schedule:actor" or "HealthcareService:organization"))
            {
                return Refus(ReponsesFhir.NonPrisEnCharge($"_include:iterate={include} non pris en charge (Schedule:actor, HealthcareService:organization).",
                    $"_include:iterate={include} is not supported (Schedule:actor, HealthcareService:organization)."));
            }
        }

        DateTime? min = null, max = null;
        var debuts = requete.Valeurs("start");
        foreach (var start in debuts)
        {
            var m = Debut().Match(start);
            if (!m.Success)
            {
                return Refus(ReponsesFhir.Invalide(
                    $"start={start} invalide : attendu ge ou le suivi d'une date-heure avec fuseau (2024-06-12T16:20:00.000+02:00).",
                    $"start={start} is invalid: expected ge or le followed by a date-time with a time-zone offset (2024-06-12T16:20:00.000+02:00)."));
            }
            var instant = DateTimeOffset.Parse(m.Groups["date"].Value, CultureInfo.InvariantCulture, DateTimeStyles.None).UtcDateTime;
            var prefixe = m.Groups["prefixe"].Value;
            if (prefixe is "ge" or "gt")
            {
                if (min is not null)
                {
                    return Refus(ReponsesFhir.Invalide("Borne basse de start répétée.", "Lower bound of start given twice."));
                }
                min = prefixe == "gt" ? instant.AddTicks(1) : instant;
            }
            else
            {
                if (max is not null)
                {
                    return Refus(ReponsesFhir.Invalide("Borne haute de start répétée.", "Upper bound of start given twice."));
                }
                max = prefixe == "lt" ? instant.AddTicks(-1) : instant;
            }
        }
        if (min is null || max is null)
        {
            return Refus(ReponsesFhir.Invalide("Paramètres start=ge… et start=le… obligatoires.", "Parameters start=ge… and start=le… are required."));
        }
        if (min > max)
        {
            return Refus(ReponsesFhir.Invalide("La borne basse de start est après la borne haute.", "The lower bound of start is after the upper bound."));
        }

        var statuts = requete.Valeurs("status");
        if (statuts.Count != 1 || statuts[0] != "free")
        {
            return Refus(ReponsesFhir.Invalide("Paramètre status=free obligatoire (seuls les créneaux libres sont exposés).",
                "Parameter status=free is required (only free slots are exposed)."));
        }

        var valeursIdentifiants = requete.Valeurs(ParametreIdentifiant);
        if (valeursIdentifiants.Count != 1)
        {
            return Refus(ReponsesFhir.Invalide($"Paramètre {ParametreIdentifiant} obligatoire, une seule fois (identifiants séparés par des virgules).",
                $"Parameter {ParametreIdentifiant} is required, once (comma-separated identifiers)."));
        }
        var jetons = valeursIdentifiants[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (jetons.Length is 0 or > MaximumIdentifiants)
        {
            return Refus(ReponsesFhir.Invalide($"De 1 à {MaximumIdentifiants} identifiants attendus, {jetons.Length} reçus.",
                $"From 1 to {MaximumIdentifiants} identifiers expected, {jetons.Length} received."));
        }
        var identifiants = new List<string>();
        foreach (var jeton in jetons)
        {
            var (identifiant, erreur) = IdentifiantNational.Lire(jeton);
            if (erreur is not null)
            {
                return Refus(erreur);
            }
            identifiants.Add(identifiant!);
        }

        int? nombre = null;
        if (requete.Valeurs("_count") is [.., var count])
        {
            if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return Refus(ReponsesFhir.Invalide($"_count={count} invalide.", $"_count={count} is invalid."));
            }
            nombre = n;
        }

        var schedule = includes.Contains("Slot:schedule");
        var services = includes.Contains("Slot:service-type-reference");
        return (new RechercheCreneaux([.. identifiants.Distinct()], min.Value, max.Value,
            schedule, schedule && iterates.Contains("Schedule:actor"),
            services, services && iterates.Contains("HealthcareService:organization"), nombre), null);
    }

    private static (RechercheCreneaux?, IResult?) Refus(IResult erreur) => (null, erreur);

    /// <summary>The searchset Bundle (sas-cpts-bundle-aggregator): matched slots first, then the included
    /// Schedules, Practitioners, PractitionerRoles, HealthcareServices and Organizations.</summary>
    public ResultatBundleSas Reponse(IReadOnlyList<LigneSas> lignes, RechercheCreneaux recherche, string baseUrl, string urlDemandee)
    {
        var parCreneau = lignes.GroupBy(l => l.Creneau.Id).ToList();
        // The SAS asks for at most 25 professionals over a few days: no paging, but never more than _count.
        var affiches = recherche.Nombre is { } n ? parCreneau.Take(n).ToList() : parCreneau;
        var urlReservation = options.Value.UrlPublique ?? baseUrl;
        var systemeSites = SystemeSites(baseUrl);
        var entrees = new List<byte[]>(affiches.Count + 64);
        var schedules = new Dictionary<string, (ProfessionnelSas P, SiteSas? S)>();
        var cpts = new Dictionary<int, CptsSas>();
        foreach (var groupe in affiches)
        {
            var l = groupe.First();
            var cle = new CleSlot(l.Creneau, l.Professionnel.Id, l.Professionnel.CodeSpecialite, l.Site?.Id,
                string.Join(',', groupe.Select(g => g.Cpts.Id)), options.Value.UrlReservation(urlReservation, l.Creneau.Id), baseUrl);
            entrees.Add(fragments.Entree(cle, baseUrl, Hl7.Fhir.Model.Bundle.SearchEntryMode.Match, c =>
                RessourcesSas.Slot(c.Creneau, l.Professionnel, l.Site, groupe.Select(g => g.Cpts.Id), c.UrlReservation)));
            schedules.TryAdd(RessourcesSas.IdSchedule(l.Professionnel.Id, l.Site?.Id), (l.Professionnel, l.Site));
            foreach (var k in groupe)
            {
                cpts.TryAdd(k.Cpts.Id, k.Cpts);
            }
        }
        var inclus = Hl7.Fhir.Model.Bundle.SearchEntryMode.Include;
        if (recherche.InclureSchedule)
        {
            foreach (var (p, s) in schedules.Values)
            {
                entrees.Add(fragments.Entree(new CleInclus("Schedule", p, s, null, baseUrl), baseUrl, inclus, _ => RessourcesSas.Schedule(p, s)));
            }
        }
        if (recherche.InclureActeurs)
        {
            foreach (var p in schedules.Values.Select(v => v.P).DistinctBy(p => p.Id))
            {
                entrees.Add(fragments.Entree(new CleInclus("Practitioner", p, null, null, baseUrl), baseUrl, inclus, _ => RessourcesSas.Practitioner(p)));
            }
            foreach (var (p, s) in schedules.Values)
            {
                entrees.Add(fragments.Entree(new CleInclus("PractitionerRole", p, s, systemeSites, baseUrl), baseUrl, inclus,
                    _ => RessourcesSas.PractitionerRole(p, s, systemeSites)));
            }
        }
        if (recherche.InclureServices)
        {
            foreach (var k in cpts.Values)
            {
                entrees.Add(fragments.Entree(new CleInclus("HealthcareService", k, null, null, baseUrl), baseUrl, inclus, _ => RessourcesSas.HealthcareService(k)));
            }
        }
        if (recherche.InclureOrganisations)
        {
            foreach (var k in cpts.Values)
            {
                entrees.Add(fragments.Entree(new CleInclus("Organization", k, null, null, baseUrl), baseUrl, inclus, _ => RessourcesSas.Organization(k)));
            }
        }
        return new ResultatBundleSas(Guid.NewGuid().ToString(), RessourcesSas.ProfilBundle, parCreneau.Count, urlDemandee, entrees);
    }

    /// <summary>Everything a Slot entry is built from (see <see cref="FragmentsSas"/>).</summary>
    private sealed record CleSlot(CreneauSas Creneau, int ProfessionnelId, string? CodeSpecialite, int? SiteId, string Cpts, string UrlReservation, string BaseUrl);

    /// <summary>Everything an included entry is built from: records compared by value.</summary>
    private sealed record CleInclus(string Type, object Donnees, SiteSas? Site, string? Systeme, string BaseUrl);

    /// <summary>The system of our practice-site identifiers (Location.identifier, type INTRN).</summary>
    public string SystemeSites(string baseUrl) => (options.Value.UrlPublique ?? baseUrl).TrimEnd('/') + "/fhir/sid/site";

    public static void Ajouter(Bundle bundle, string baseUrl, Resource ressource, Bundle.SearchEntryMode? mode)
    {
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = $"{baseUrl.TrimEnd('/')}/fhir/{ressource.TypeName}/{ressource.Id}",
            Resource = ressource,
            Search = mode is null ? null : new Bundle.SearchComponent { Mode = mode },
        });
    }

    [GeneratedRegex(@"^(?<prefixe>ge|gt|le|lt)(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2}))$")]
    private static partial Regex Debut();
}
