using System.Globalization;
using Hl7.Fhir.Model;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Sas.Envois;
using OpenCpts.Web.Features.Sas.Fhir;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Sas.Regulateurs;

public abstract record ResultatCompteRegulateur
{
    private ResultatCompteRegulateur() { }

    public sealed record Cree(CompteRegulateurSas Compte) : ResultatCompteRegulateur;
    public sealed record MisAJour(CompteRegulateurSas Compte) : ResultatCompteRegulateur;
    public sealed record Invalide(string Francais, string Anglais) : ResultatCompteRegulateur;
    public sealed record Introuvable : ResultatCompteRegulateur;
}

/// <summary>How the SAS designates the account to write: by our id (PUT /Practitioner/{id}), by an identifier
/// (conditional PUT ?identifier=system|value), or by the identifiers of the resource itself (POST).</summary>
public sealed record CibleCompteRegulateur(long? Id = null, string? Systeme = null, string? Valeur = null);

/// <summary>
/// INT_R02: creates or updates a regulator account from the SAS's FrPractitionerRegul. Idempotent as the guide
/// asks: a create of a known regulator updates him, a conditional update of an unknown one creates him.
/// A regulator deleted on the SAS side arrives as an update with <c>active = false</c>.
/// </summary>
public sealed class EnregistrerCompteRegulateur(OpenCptsDb db, TimeProvider horloge, ILogger<EnregistrerCompteRegulateur> journal)
{
    public const string PrefixeId = "regulateur-";
    public const string ProfilRegulateur = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/FrPractitionerRegul";

    public async Task<ResultatCompteRegulateur> ExecuterAsync(Practitioner ressource, CibleCompteRegulateur cible, CancellationToken ct = default)
    {
        if (Valider(ressource) is { } erreur)
        {
            return erreur;
        }
        var national = ressource.Identifier.FirstOrDefault(i => i.System == RessourcesSas.SystemeIdnps)?.Value?.Trim();
        var technique = ressource.Identifier.FirstOrDefault(i => i.System == RegulateurSas.SystemeTechniqueSas)?.Value?.Trim();
        for (var essai = 0; ; essai++)
        {
            var existant = await TrouverAsync(cible, national, technique, ct);
            if (existant is null && cible.Id is not null)
            {
                return new ResultatCompteRegulateur.Introuvable();
            }
            var maintenant = horloge.GetUtcNow().UtcDateTime;
            var compte = existant ?? new CompteRegulateurSas { CreeLeUtc = maintenant };
            // An update that carries only one of the ids keeps the other: the SAS adds the national id later.
            compte.IdentifiantNational = national ?? compte.IdentifiantNational;
            compte.IdentifiantSas = technique ?? compte.IdentifiantSas;
            compte.Nom = ressource.Name[0].Family!.Trim();
            compte.Prenom = string.Join(' ', ressource.Name[0].Given).Trim();
            compte.Email = ressource.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Email)?.Value?.Trim();
            compte.Actif = ressource.Active ?? false;
            compte.MisAJourLeUtc = maintenant;
            if (existant is null)
            {
                db.ComptesRegulateursSas.Add(compte);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (existant is null && essai == 0)
            {
                // The same regulator was pushed twice at once: the unique index kept one; update that one.
                db.ChangeTracker.Clear();
                continue;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return new ResultatCompteRegulateur.Invalide(
                    "Ces identifiants désignent déjà deux comptes régulateurs différents.",
                    "These identifiers already designate two different regulator accounts.");
            }
            journal.LogInformation("SAS regulator account {Id} {Action} (active: {Actif})", compte.Id, existant is null ? "created" : "updated", compte.Actif);
            return existant is null ? new ResultatCompteRegulateur.Cree(compte) : new ResultatCompteRegulateur.MisAJour(compte);
        }
    }

    private async Task<CompteRegulateurSas?> TrouverAsync(CibleCompteRegulateur cible, string? national, string? technique, CancellationToken ct)
    {
        if (cible.Id is { } id)
        {
            return await db.ComptesRegulateursSas.FirstOrDefaultAsync(c => c.Id == id, ct);
        }
        if (cible.Systeme is not null)
        {
            return cible.Systeme == RessourcesSas.SystemeIdnps
                ? await db.ComptesRegulateursSas.FirstOrDefaultAsync(c => c.IdentifiantNational == cible.Valeur, ct)
                : await db.ComptesRegulateursSas.FirstOrDefaultAsync(c => c.IdentifiantSas == cible.Valeur, ct);
        }
        return await db.ComptesRegulateursSas.FirstOrDefaultAsync(c =>
            (national != null && c.IdentifiantNational == national) || (technique != null && c.IdentifiantSas == technique), ct);
    }

    private static ResultatCompteRegulateur.Invalide? Valider(Practitioner p)
    {
        var connus = p.Identifier.Where(i => i.System is RessourcesSas.SystemeIdnps or RegulateurSas.SystemeTechniqueSas).ToList();
        if (connus.Count == 0)
        {
            return new("identifier : un identifiant national (urn:oid:1.2.250.1.71.4.2.1) ou technique SAS (urn:oid:1.2.250.1.213.3.6) est requis.",
                "identifier: a national (urn:oid:1.2.250.1.71.4.2.1) or SAS technical (urn:oid:1.2.250.1.213.3.6) identifier is required.");
        }
        if (connus.Any(i => string.IsNullOrWhiteSpace(i.Value) || i.Value!.Length > 64) || connus.GroupBy(i => i.System).Any(g => g.Count() > 1))
        {
            return new("identifier : valeur absente, trop longue ou répétée.", "identifier: value missing, too long or repeated.");
        }
        if (p.Active is null)
        {
            return new("active est requis (habilitation du régulateur).", "active is required (the regulator's habilitation).");
        }
        if (p.Name.Count == 0 || string.IsNullOrWhiteSpace(p.Name[0].Family) || !p.Name[0].Given.Any(g => !string.IsNullOrWhiteSpace(g))
            || p.Name[0].Family!.Length > 100 || string.Join(' ', p.Name[0].Given).Length > 100)
        {
            return new("name.family et name.given sont requis (100 caractères au plus).", "name.family and name.given are required (at most 100 characters).");
        }
        if (p.Telecom.Any(t => t.System == ContactPoint.ContactPointSystem.Email && (string.IsNullOrWhiteSpace(t.Value) || t.Value.Length > 200 || !t.Value.Contains('@'))))
        {
            return new("telecom : adresse électronique invalide.", "telecom: invalid e-mail address.");
        }
        return null;
    }

    /// <summary>The account as FrPractitionerRegul, as the SAS sent it, with our id.</summary>
    public static Practitioner EnRessource(CompteRegulateurSas c)
    {
        var p = new Practitioner
        {
            Id = PrefixeId + c.Id.ToString(CultureInfo.InvariantCulture),
            Meta = new Meta { Source = RegulateurSas.SystemeTechniqueSas, Profile = [ProfilRegulateur] },
            Active = c.Actif,
            Name = [new HumanName { Family = c.Nom, Given = [c.Prenom] }],
        };
        if (c.IdentifiantNational is not null)
        {
            p.Identifier.Add(new Identifier(RessourcesSas.SystemeIdnps, c.IdentifiantNational) { Type = new CodeableConcept(RessourcesSas.SystemeTypeIdentifiantPs, "IDNPS") });
        }
        if (c.IdentifiantSas is not null)
        {
            p.Identifier.Add(new Identifier(RegulateurSas.SystemeTechniqueSas, c.IdentifiantSas) { Type = new CodeableConcept(RessourcesSas.SystemeTypeIdentifiantPs, "INTRN") });
        }
        if (c.Email is not null)
        {
            p.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, c.Email));
        }
        return p;
    }

    /// <summary>Our id "regulateur-12" back to 12; null when it is not one of ours.</summary>
    public static long? IdDepuis(string id) =>
        id.StartsWith(PrefixeId, StringComparison.Ordinal) && long.TryParse(id.AsSpan(PrefixeId.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
