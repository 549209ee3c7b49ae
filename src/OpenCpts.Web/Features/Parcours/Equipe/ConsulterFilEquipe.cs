using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;

namespace OpenCpts.Web.Features.Parcours.Equipe;

/// <summary>An attachment as listed (its content is downloaded separately).</summary>
public sealed record PieceAffichee(long Id, string NomFichier, string TypeContenu, long Taille);

/// <summary>A message of the thread, with who (other than its author) has read it.</summary>
public sealed record MessageAffiche(long Id, string Auteur, bool DeMoi, string Texte, DateTime EnvoyeLeUtc, IReadOnlyList<PieceAffichee> Pieces,
    IReadOnlyList<string> LuPar);

/// <summary>
/// Opens a patient's care-team thread, newest message first: writes the read to the audit log ("FilEquipe"), and
/// marks the shown messages as read by the reader (first read only; the author needs no receipt for himself).
/// The caller has checked access (<see cref="AccesPatient"/>).
/// </summary>
public sealed class ConsulterFilEquipe(OpenCptsDb db, JournalAudit journal, TimeProvider horloge, ILogger<ConsulterFilEquipe> logger)
{
    public const string Ressource = "FilEquipe";
    public const int Maximum = 200;

    public async Task<IReadOnlyList<MessageAffiche>> ExecuteAsync(long patientId, ProfilParcours lecteur, CancellationToken ct = default)
    {
        await journal.EnregistrerAsync("Lecture", Ressource, patientId.ToString(CultureInfo.InvariantCulture), null, patientId, ct);
        var messages = await db.MessagesEquipe.AsNoTracking()
            .Where(m => m.PatientParcoursId == patientId)
            .OrderByDescending(m => m.EnvoyeLeUtc).ThenByDescending(m => m.Id)
            .Take(Maximum)
            .Select(m => new
            {
                m.Id,
                m.Auteur,
                m.AuteurUtilisateurId,
                m.Texte,
                m.EnvoyeLeUtc,
                Pieces = m.PiecesJointes.OrderBy(p => p.Id).Select(p => new PieceAffichee(p.Id, p.NomFichier, p.TypeContenu, p.Taille)).ToList(),
            })
            .ToListAsync(ct);
        var ids = messages.Select(m => m.Id).ToList();
        var lectures = await db.LecturesMessage.AsNoTracking()
            .Where(l => ids.Contains(l.MessageEquipeId))
            .OrderBy(l => l.LuLeUtc)
            .Select(l => new { l.MessageEquipeId, l.UtilisateurId, l.Lecteur })
            .ToListAsync(ct);
        if (lecteur.UtilisateurId is { } moi)
        {
            await MarquerLusAsync(moi, lecteur.NomAffiche, messages.Where(m => m.AuteurUtilisateurId != moi
                && !lectures.Any(l => l.MessageEquipeId == m.Id && l.UtilisateurId == moi)).Select(m => m.Id).ToList(), ct);
        }
        return [.. messages.Select(m => new MessageAffiche(m.Id, m.Auteur, lecteur.UtilisateurId is not null && m.AuteurUtilisateurId == lecteur.UtilisateurId,
            m.Texte, m.EnvoyeLeUtc, m.Pieces,
            [.. lectures.Where(l => l.MessageEquipeId == m.Id && l.UtilisateurId != m.AuteurUtilisateurId).Select(l => l.Lecteur)]))];
    }

    private async Task MarquerLusAsync(string utilisateurId, string nom, List<long> nonLus, CancellationToken ct)
    {
        if (nonLus.Count == 0)
        {
            return;
        }
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var lectures = nonLus.Select(id => new LectureMessage
        {
            MessageEquipeId = id,
            UtilisateurId = utilisateurId,
            Lecteur = nom.Length > 200 ? nom[..200] : nom,
            LuLeUtc = maintenant,
        }).ToList();
        db.LecturesMessage.AddRange(lectures);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // The same reader opened the thread twice at once: the other request recorded his first read.
            logger.LogInformation(e, "Read receipts already recorded by a concurrent request");
            foreach (var l in lectures)
            {
                db.Entry(l).State = EntityState.Detached;
            }
        }
    }
}
