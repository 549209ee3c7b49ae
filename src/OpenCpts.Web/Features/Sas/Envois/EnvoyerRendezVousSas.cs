using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Features.Sas.Fhir;
using OpenCpts.Web.Features.SoinsNonProgrammes.Reservations;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Fhir;

namespace OpenCpts.Web.Features.Sas.Envois;

/// <summary>The regulator who booked, as the SAS identified him (INT_R02): national id (IDNPS) or SAS technical id.</summary>
public sealed record RegulateurSas(string Systeme, string Valeur)
{
    public const string SystemeTechniqueSas = "urn:oid:1.2.250.1.213.3.6";

    public string CodeType => Systeme == SystemeTechniqueSas ? "INTRN" : "IDNPS";
}

public enum IssueEnvoiSas
{
    Envoye,
    /// <summary>No SAS platform address configured: nothing to send (demo, tests, a CPTS not yet connected).</summary>
    NonConfigure,
    ReservationIntrouvable,
    Refuse,
    Injoignable,
}

public sealed record ResultatEnvoiSas(IssueEnvoiSas Issue, int? StatutHttp = null, string? Detail = null);

/// <summary>
/// INT_R03: sends a booking made from the SAS to the SAS platform as an Appointment (FrAppointmentSAS): POST when
/// it is booked, then a conditional PUT on our identifier at every change (cancelled, fulfilled, noshow).
/// </summary>
public sealed class EnvoyerRendezVousSas(HttpClient http, OpenCptsDb db, IOptions<OptionsSas> options, TimeProvider horloge, ILogger<EnvoyerRendezVousSas> journal)
{
    public const string ProfilAppointment = "http://sas.fr/fhir/StructureDefinition/FrAppointmentSAS";
    public const string ExtensionOperateur = "http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator";

    public async Task<ResultatEnvoiSas> ExecuterAsync(long reservationId, RegulateurSas? regulateur, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(options.Value.UrlPlateforme))
        {
            return new(IssueEnvoiSas.NonConfigure);
        }
        var donnees = await (
            from r in db.ReservationsSnp.AsNoTracking()
            join c in db.CreneauxSnp on r.CreneauSnpId equals c.Id
            join p in db.Professionnels on c.ProfessionnelId equals p.Id
            where r.Id == reservationId
            select new { r.Id, r.Statut, r.CreeLeUtc, c.DebutUtc, c.FinUtc, p.IdentifiantNational }).FirstOrDefaultAsync(ct);
        if (donnees is null)
        {
            return new(IssueEnvoiSas.ReservationIntrouvable);
        }
        var rendezVous = Construire(donnees.Id, donnees.Statut, donnees.CreeLeUtc, donnees.DebutUtc, donnees.FinUtc, donnees.IdentifiantNational, regulateur);
        var creation = rendezVous.Status == Appointment.AppointmentStatus.Booked;
        var baseSas = options.Value.UrlPlateforme!.TrimEnd('/');
        var identifiant = rendezVous.Identifier[0];
        using var requete = new HttpRequestMessage(
            creation ? HttpMethod.Post : HttpMethod.Put,
            creation ? $"{baseSas}/Appointment" : $"{baseSas}/Appointment?identifier={Uri.EscapeDataString(identifiant.System + "|" + identifiant.Value)}")
        {
            Content = new StringContent(JsonSerializer.Serialize(rendezVous, ReponsesFhir.Json), Encoding.UTF8, "application/fhir+json"),
        };
        requete.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        try
        {
            using var reponse = await http.SendAsync(requete, ct);
            if (reponse.IsSuccessStatusCode)
            {
                return new(IssueEnvoiSas.Envoye, (int)reponse.StatusCode);
            }
            var detail = await reponse.Content.ReadAsStringAsync(ct);
            journal.LogWarning("SAS refused appointment {Reservation}: {Statut} {Detail}", reservationId, (int)reponse.StatusCode, detail);
            return new(IssueEnvoiSas.Refuse, (int)reponse.StatusCode, detail);
        }
        catch (HttpRequestException e)
        {
            journal.LogWarning(e, "SAS unreachable for appointment {Reservation}", reservationId);
            return new(IssueEnvoiSas.Injoignable, Detail: e.Message);
        }
    }

    public Appointment Construire(long reservationId, string statut, DateTime creeLeUtc, DateTime debutUtc, DateTime finUtc, string identifiantNational, RegulateurSas? regulateur)
    {
        var rendezVous = new Appointment
        {
            Meta = new Meta { Profile = [ProfilAppointment] },
            Identifier = [new Identifier(SystemeIdentifiants(), reservationId.ToString(CultureInfo.InvariantCulture))],
            Status = statut switch
            {
                StatutsReservation.Annulee => Appointment.AppointmentStatus.Cancelled,
                StatutsReservation.Honoree => Appointment.AppointmentStatus.Fulfilled,
                StatutsReservation.NonHonoree => Appointment.AppointmentStatus.Noshow,
                _ => Appointment.AppointmentStatus.Booked,
            },
            StartElement = new Instant { JsonValue = RessourcesSas.DateSas(debutUtc) },
            EndElement = new Instant { JsonValue = RessourcesSas.DateSas(finUtc) },
            CreatedElement = new FhirDateTime(RessourcesSas.DateSas(creeLeUtc == default ? horloge.GetUtcNow().UtcDateTime : creeLeUtc)),
            Participant =
            [
                new Appointment.ParticipantComponent
                {
                    Actor = new ResourceReference
                    {
                        Identifier = new Identifier(RessourcesSas.SystemeIdnps, identifiantNational)
                        {
                            Type = new CodeableConcept(RessourcesSas.SystemeTypeIdentifiantPs, "IDNPS"),
                        },
                    },
                    Status = ParticipationStatus.Accepted,
                },
            ],
        };
        if (regulateur is not null)
        {
            rendezVous.Extension.Add(new Extension(ExtensionOperateur, new ResourceReference
            {
                Identifier = new Identifier(regulateur.Systeme, regulateur.Valeur)
                {
                    Type = new CodeableConcept(RessourcesSas.SystemeTypeIdentifiantPs, regulateur.CodeType),
                },
            }));
        }
        return rendezVous;
    }

    /// <summary>Our fixed assigning authority for appointment ids: a URL of this platform, as the guide allows
    /// when the software has no OID of its own.</summary>
    public string SystemeIdentifiants() => (options.Value.UrlPublique ?? "https://opencpts.invalid").TrimEnd('/') + "/fhir/sid/rendez-vous";
}
