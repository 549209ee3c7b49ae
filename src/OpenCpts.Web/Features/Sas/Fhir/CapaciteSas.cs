using Hl7.Fhir.Model;

namespace OpenCpts.Web.Features.Sas.Fhir;

/// <summary>The CapabilityStatement of /fhir/metadata: an instance of the guide's SAS-GestionnaireAgenda-CPTS.</summary>
public static class CapaciteSas
{
    public const string Canonique = "https://interop.esante.gouv.fr/ig/fhir/sas/CapabilityStatement/SAS-GestionnaireAgenda-CPTS";

    public static CapabilityStatement Construire(string baseUrl, DateTimeOffset maintenant)
    {
        var lecture = new CapabilityStatement.ResourceInteractionComponent { Code = CapabilityStatement.TypeRestfulInteraction.Read };
        CapabilityStatement.ResourceInteractionComponent Recherche() => new() { Code = CapabilityStatement.TypeRestfulInteraction.SearchType };
        CapabilityStatement.ResourceInteractionComponent Lecture() => new() { Code = CapabilityStatement.TypeRestfulInteraction.Read };
        CapabilityStatement.SearchParamComponent Parametre(string nom, string definition, SearchParamType type, string documentation) =>
            new() { Name = nom, Definition = definition, Type = type, Documentation = documentation };

        return new CapabilityStatement
        {
            Id = "opencpts-sas",
            Status = PublicationStatus.Active,
            Date = maintenant.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Publisher = "OpenCPTS",
            Kind = CapabilityStatementKind.Instance,
            Instantiates = [Canonique],
            Software = new CapabilityStatement.SoftwareComponent { Name = "OpenCPTS" },
            Implementation = new CapabilityStatement.ImplementationComponent
            {
                Description = "OpenCPTS — gestionnaire d'agenda CPTS pour la plateforme numérique SAS",
                Url = baseUrl.TrimEnd('/') + "/fhir",
            },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["application/fhir+json"],
            ImplementationGuide = ["https://interop.esante.gouv.fr/ig/fhir/sas"],
            Rest =
            [
                new CapabilityStatement.RestComponent
                {
                    Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                    Documentation = "Mise à disposition de créneaux de disponibilité CPTS",
                    Security = new CapabilityStatement.SecurityComponent
                    {
                        Cors = false,
                        Description = "Authorization: Bearer <jeton d'API OpenCPTS>",
                    },
                    Resource =
                    [
                        new CapabilityStatement.ResourceComponent
                        {
                            Type = "Slot",
                            Profile = RessourcesSas.ProfilSlot,
                            Interaction = [Lecture(), Recherche()],
                            SearchInclude = ["Slot:schedule", "Schedule:actor", "Slot:service-type-reference", "HealthcareService:organization"],
                            SearchParam =
                            [
                                Parametre("start", "https://interop.esante.gouv.fr/ig/fhir/sas/SearchParameter/slot-sp-start", SearchParamType.Date,
                                    "Recherche d'une disponibilité sur la date et l'heure de début (ge et le, avec fuseau horaire)"),
                                Parametre("status", "http://hl7.org/fhir/SearchParameter/Slot-status", SearchParamType.Token, "free uniquement"),
                                Parametre("schedule", "http://hl7.org/fhir/SearchParameter/Slot-schedule", SearchParamType.Reference,
                                    "Chaînage schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|8… (1 à 25)"),
                            ],
                        },
                        new CapabilityStatement.ResourceComponent
                        {
                            Type = "Schedule",
                            Profile = RessourcesSas.ProfilSchedule,
                            Interaction = [Lecture(), Recherche()],
                            SearchParam =
                            [
                                Parametre("actor", "http://hl7.org/fhir/SearchParameter/Schedule-actor", SearchParamType.Reference,
                                    "Permet de rechercher un agenda par acteur - praticien dans ce cas"),
                            ],
                        },
                        new CapabilityStatement.ResourceComponent
                        {
                            Type = "Practitioner",
                            Profile = RessourcesSas.ProfilPractitioner,
                            Interaction = [Lecture(), Recherche()],
                            SearchParam =
                            [
                                Parametre("identifier", "http://hl7.org/fhir/SearchParameter/Practitioner-identifier", SearchParamType.Token,
                                    "Permet de rechercher un praticien par identifiant - RPPS dans ce cas"),
                            ],
                        },
                        new CapabilityStatement.ResourceComponent { Type = "PractitionerRole", Profile = RessourcesSas.ProfilPractitionerRole, Interaction = [lecture] },
                        new CapabilityStatement.ResourceComponent { Type = "HealthcareService", Profile = RessourcesSas.ProfilHealthcareService, Interaction = [Lecture()] },
                        new CapabilityStatement.ResourceComponent { Type = "Organization", Profile = RessourcesSas.ProfilOrganization, Interaction = [Lecture()] },
                    ],
                },
            ],
        };
    }
}
