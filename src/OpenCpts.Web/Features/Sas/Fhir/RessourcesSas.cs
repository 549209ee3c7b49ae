using System.Globalization;
using Hl7.Fhir.Model;
using OpenCpts.Web.Features.SoinsNonProgrammes.Disponibilites;
using OpenCpts.Web.Infrastructure.Temps;
using OpenCpts.Web.Infrastructure.Terminologies;

namespace OpenCpts.Web.Features.Sas.Fhir;

/// <summary>What the SAS resources are built from, read with one projection.</summary>
public sealed record ProfessionnelSas(int Id, string IdentifiantNational, string Nom, string Prenom, string CodeProfession, string? CodeSpecialite);

public sealed record SiteSas(int Id, string IdentifiantSite, string? Voie, string? ComplementAdresse, string? CodePostal,
    string? CodeCommune, string? LibelleCommune, string? Telephone, string? FinessSite, string? Siret, double? Latitude, double? Longitude);

public sealed record CptsSas(int Id, string Nom, string? Finess, string? Siret, string? Telephone, string? Email);

public sealed record CreneauSas(long Id, DateTime DebutUtc, DateTime FinUtc, string TypeConsultation, string Visibilite, bool AvecRendezVous, string? Motif);

/// <summary>
/// Builds the resources of the SAS "gestionnaire d'agenda CPTS" profiles from our data, with stable logical ids:
/// Slot = slot id, Practitioner = professional id, Schedule and PractitionerRole = "professional-site" (one agenda
/// per practice site, as the guide's FAQ asks), HealthcareService and Organization = CPTS id.
/// </summary>
public static class RessourcesSas
{
    public const string ProfilBundle = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-bundle-aggregator";
    public const string ProfilSlot = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-slot-aggregator";
    public const string ProfilSchedule = "http://sas.fr/fhir/StructureDefinition/FrScheduleAgregateur";
    public const string ProfilPractitioner = "http://sas.fr/fhir/StructureDefinition/FrPractitionerAgregateur";
    public const string ProfilPractitionerRole = "http://sas.fr/fhir/StructureDefinition/FrPractitionerRoleExerciceAgregateur";
    public const string ProfilLocation = "http://sas.fr/fhir/StructureDefinition/FrLocationAgregateur";
    public const string ProfilHealthcareService = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-healthcareservice-aggregator";
    public const string ProfilOrganization = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/sas-cpts-organization-aggregator";

    public const string SystemeIdnps = "urn:oid:1.2.250.1.71.4.2.1";
    public const string SystemeIdnst = "urn:oid:1.2.250.1.71.4.2.2";
    public const string SystemeTypeCreneau = "https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau";
    public const string SystemeActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string SystemeTypeRendezVous = "http://terminology.hl7.org/CodeSystem/v2-0276";
    public const string ExtensionServiceTypeR5 = "http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType";
    public const string SystemeTypeIdentifiantPs = "http://interopsante.org/fhir/CodeSystem/fr-v2-0203";
    public const string SystemeTypeIdentifiantStructure = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203";
    public const string SystemeTypeIdentifiantLieu = "http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type";
    public const string CodeCategorieCpts = "604";

    public static string IdSchedule(int professionnelId, int? siteId) =>
        siteId is null ? Id(professionnelId) : $"{Id(professionnelId)}-{Id(siteId.Value)}";

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>"2024-06-12T16:40:00.000+02:00": the form of the guide's examples, Europe/Paris offset.</summary>
    public static string DateSas(DateTime utc) =>
        HeureParis.AvecDecalage(utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>"02 48 00 00 00" or "0248000000" → "+33248000000" (the format the SAS validator expects).</summary>
    public static string? Telephone(string? numero)
    {
        if (string.IsNullOrWhiteSpace(numero))
        {
            return null;
        }
        var chiffres = new string([.. numero.Where(char.IsAsciiDigit)]);
        if (numero.TrimStart().StartsWith('+'))
        {
            return "+" + chiffres;
        }
        return chiffres.Length == 10 && chiffres[0] == '0' ? "+33" + chiffres[1..] : chiffres;
    }

    public static Slot Slot(CreneauSas c, ProfessionnelSas p, SiteSas? site, IEnumerable<int> cpts, string urlReservation)
    {
        var securite = new List<Coding> { new(SystemeTypeCreneau, c.Visibilite) };
        // Every slot published on the CPTS platform is offered through the CPTS: the guide then expects the CPTS
        // type besides the slot's own visibility, with the HealthcareService of each CPTS in serviceType.
        if (c.Visibilite != Visibilites.Cpts)
        {
            securite.Add(new Coding(SystemeTypeCreneau, Visibilites.Cpts));
        }
        var slot = new Slot
        {
            Id = Id(c.Id),
            Meta = new Meta { Profile = [ProfilSlot], Security = securite },
            ServiceType = [new CodeableConcept(SystemeActCode, c.TypeConsultation)],
            AppointmentType = new CodeableConcept(SystemeTypeRendezVous, c.AvecRendezVous ? "ROUTINE" : "WALKIN"),
            Schedule = new ResourceReference($"Schedule/{IdSchedule(p.Id, site?.Id)}"),
            Status = Hl7.Fhir.Model.Slot.SlotStatus.Free,
            // Strings, not DateTimeOffsets: Firely would drop the milliseconds the guide's examples show.
            StartElement = new Instant { JsonValue = DateSas(c.DebutUtc) },
            EndElement = new Instant { JsonValue = DateSas(c.FinUtc) },
            Comment = urlReservation,
        };
        foreach (var id in cpts)
        {
            var reference = new CodeableConcept(Terminologies.SystemeCategorieEtablissement, CodeCategorieCpts);
            reference.Extension.Add(new Extension(ExtensionServiceTypeR5, new ResourceReference($"HealthcareService/{Id(id)}")));
            slot.ServiceType.Add(reference);
        }
        if (!string.IsNullOrWhiteSpace(c.Motif))
        {
            slot.ServiceType.Add(new CodeableConcept { Text = c.Motif });
        }
        if (p.CodeSpecialite is not null)
        {
            slot.Specialty.Add(new CodeableConcept(Terminologies.SystemeSpecialite, p.CodeSpecialite));
        }
        return slot;
    }

    public static Schedule Schedule(ProfessionnelSas p, SiteSas? site) => new()
    {
        Id = IdSchedule(p.Id, site?.Id),
        Meta = new Meta { Profile = [ProfilSchedule] },
        Actor =
        [
            new ResourceReference($"Practitioner/{Id(p.Id)}"),
            new ResourceReference($"PractitionerRole/{IdSchedule(p.Id, site?.Id)}"),
        ],
    };

    public static Practitioner Practitioner(ProfessionnelSas p)
    {
        var praticien = new Practitioner
        {
            Id = Id(p.Id),
            Meta = new Meta { Profile = [ProfilPractitioner] },
            Identifier =
            [
                new Identifier(SystemeIdnps, p.IdentifiantNational)
                {
                    Type = new CodeableConcept(SystemeTypeIdentifiantPs, "IDNPS"),
                },
            ],
            Name = [new HumanName { Family = p.Nom, Given = string.IsNullOrWhiteSpace(p.Prenom) ? [] : [p.Prenom] }],
        };
        // Profession (TRE_G15) and specialty (TRE_R38) as qualifications, as the national directory's FHIR API does.
        praticien.Qualification.Add(new Practitioner.QualificationComponent
        {
            Code = new CodeableConcept(Terminologies.SystemeProfession, p.CodeProfession, Terminologies.Instance.Professions.Libelle(p.CodeProfession), null),
        });
        if (p.CodeSpecialite is not null)
        {
            praticien.Qualification.Add(new Practitioner.QualificationComponent
            {
                Code = new CodeableConcept(Terminologies.SystemeSpecialite, p.CodeSpecialite, Terminologies.Instance.Specialites.Libelle(p.CodeSpecialite), null),
            });
        }
        return praticien;
    }

    public static PractitionerRole PractitionerRole(ProfessionnelSas p, SiteSas? site, string systemeSites)
    {
        var role = new PractitionerRole
        {
            Id = IdSchedule(p.Id, site?.Id),
            Meta = new Meta { Profile = [ProfilPractitionerRole] },
            Practitioner = new ResourceReference($"Practitioner/{Id(p.Id)}"),
            Code = [new CodeableConcept(Terminologies.SystemeProfession, p.CodeProfession)],
        };
        if (p.CodeSpecialite is not null)
        {
            role.Specialty.Add(new CodeableConcept(Terminologies.SystemeSpecialite, p.CodeSpecialite));
        }
        if (site is null)
        {
            return role;
        }
        var lieu = new Location
        {
            Id = "lieu",
            Meta = new Meta { Profile = [ProfilLocation] },
            Identifier =
            [
                new Identifier(systemeSites, site.IdentifiantSite)
                {
                    Type = new CodeableConcept(SystemeTypeIdentifiantLieu, "INTRN"),
                },
            ],
            Address = new Address
            {
                Line = Lignes(site),
                City = site.LibelleCommune,
                PostalCode = site.CodePostal,
            },
        };
        if (site.Latitude is { } lat && site.Longitude is { } lon)
        {
            lieu.Position = new Location.PositionComponent { Latitude = (decimal)lat, Longitude = (decimal)lon };
        }
        role.Contained.Add(lieu);
        role.Location.Add(new ResourceReference("#lieu"));
        var identifiantStructure = IdentifiantStructure(site);
        if (identifiantStructure is not null)
        {
            role.Organization = new ResourceReference { Identifier = identifiantStructure };
        }
        if (Telephone(site.Telephone) is { } tel)
        {
            role.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, tel));
        }
        return role;
    }

    private static List<string> Lignes(SiteSas site)
    {
        var voie = string.Join(' ', new[] { site.Voie, site.ComplementAdresse }.Where(v => !string.IsNullOrWhiteSpace(v)));
        return voie.Length == 0 ? [] : [voie];
    }

    /// <summary>National structure id with its prefix: 1 + FINESS, else 3 + SIRET (guide FAQ order).</summary>
    private static Identifier? IdentifiantStructure(SiteSas site)
    {
        var valeur = !string.IsNullOrWhiteSpace(site.FinessSite) ? "1" + site.FinessSite
            : !string.IsNullOrWhiteSpace(site.Siret) ? "3" + site.Siret
            : null;
        return valeur is null ? null : new Identifier(SystemeIdnst, valeur)
        {
            Type = new CodeableConcept(SystemeTypeIdentifiantPs, "IDNST"),
        };
    }

    public static HealthcareService HealthcareService(CptsSas cpts) => new()
    {
        Id = Id(cpts.Id),
        Meta = new Meta { Profile = [ProfilHealthcareService] },
        ProvidedBy = new ResourceReference($"Organization/{Id(cpts.Id)}"),
        Name = cpts.Nom,
    };

    public static Organization Organization(CptsSas cpts)
    {
        var organisation = new Organization
        {
            Id = Id(cpts.Id),
            Meta = new Meta { Profile = [ProfilOrganization] },
            Name = cpts.Nom,
            Type = [new CodeableConcept(Terminologies.SystemeCategorieEtablissement, CodeCategorieCpts)],
        };
        // IDNST, in the guide's order (FAQ "ID nationaux de structure"): 1 + FINESS, else 3 + SIRET. The CPTS profile's
        // invariant only knows "1" + FINESS: a CPTS with a SIRET alone is identified, but should register its FINESS.
        var identifiant = cpts.Finess is { Length: 9 } finess ? "1" + finess
            : cpts.Siret is { Length: 14 } siret ? "3" + siret
            : null;
        if (identifiant is not null)
        {
            organisation.Identifier.Add(new Identifier(SystemeIdnst, identifiant)
            {
                Type = new CodeableConcept(SystemeTypeIdentifiantStructure, "IDNST"),
            });
        }
        if (Telephone(cpts.Telephone) is { } tel)
        {
            organisation.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, tel));
        }
        if (!string.IsNullOrWhiteSpace(cpts.Email))
        {
            organisation.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, cpts.Email));
        }
        return organisation;
    }
}
