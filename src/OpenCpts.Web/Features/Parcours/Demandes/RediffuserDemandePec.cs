using System.Globalization;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Audit;

namespace OpenCpts.Web.Features.Parcours.Demandes;

public abstract record ResultatRediffusion
{
    private ResultatRediffusion() { }

    /// <param name="Nouveaux">Members who match now and were not recipients yet.</param>
    public sealed record Rediffusee(int Nouveaux) : ResultatRediffusion;
    /// <summary>Unknown, or not readable by the user: the same answer.</summary>
    public sealed record Introuvable : ResultatRediffusion;
    /// <summary>The user reads the request but neither posted it nor is the Coordination.</summary>
    public sealed record Interdite : ResultatRediffusion;
    /// <summary>Accepted or cancelled: nobody else may take it.</summary>
    public sealed record PlusOuverte : ResultatRediffusion;
}

/// <summary>
/// The requester or the Coordination re-runs the matching of an open care request: members who match now (joined the
/// CPTS, back from leave, declared the skill) become recipients and get the same e-mail as the first ones, without the
/// patient's identity. This is the only way a member who was not a recipient may accept. Written to the audit log.
/// </summary>
public sealed class RediffuserDemandePec(AccesDemandePec acces, DiffuserDemandePec diffuser, JournalAudit journal)
{
    public async Task<ResultatRediffusion> ExecuteAsync(long id, ProfilParcours profil, CancellationToken ct = default)
    {
        if (await acces.VerifierEtJournaliserAsync(id, profil, "Lecture", ct) is not var (demande, droits))
        {
            return new ResultatRediffusion.Introuvable();
        }
        if (!droits.Demandeur)
        {
            return new ResultatRediffusion.Interdite();
        }
        if (demande.Statut != StatutsDemandePec.Ouverte)
        {
            return new ResultatRediffusion.PlusOuverte();
        }
        var nouveaux = await diffuser.ExecuteAsync(demande, ct);
        await journal.EnregistrerAsync("Rediffusion", ConsulterDemandePec.Ressource, id.ToString(CultureInfo.InvariantCulture),
            $"{nouveaux.ToString(CultureInfo.InvariantCulture)} nouveau(x) destinataire(s)", demande.PatientParcoursId, ct);
        return new ResultatRediffusion.Rediffusee(nouveaux);
    }
}
