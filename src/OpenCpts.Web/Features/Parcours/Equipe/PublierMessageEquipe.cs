using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenCpts.Web.Features.Notifications;
using OpenCpts.Web.Features.Parcours.Patients;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Fichiers;
using OpenCpts.Web.Infrastructure.Validation;
using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Features.Parcours.Equipe;

/// <summary>A file sent with a message, as received (name and type declared by the sender's browser).</summary>
public sealed record FichierRecu(string NomFichier, string? TypeContenu, long Taille, Func<Stream> Ouvrir);

public abstract record ResultatPublication
{
    private ResultatPublication() { }

    public sealed record Publie(long Id) : ResultatPublication;

    /// <summary>Errors keyed "texte" or "fichiers".</summary>
    public sealed record Invalide(ErreursValidation Erreurs) : ResultatPublication;

    /// <summary>The patient's consent to sharing is not recorded: nothing is shared.</summary>
    public sealed record SansConsentement : ResultatPublication;

    public sealed record Introuvable : ResultatPublication;
}

/// <summary>
/// Posts a message in a patient's care-team thread, with up to 3 attachments of 5 MB at most, PDF, PNG or JPEG only:
/// the declared type must be one of those and the file must start with that format's signature (an executable
/// renamed ".pdf" is refused). Refused while the patient's consent to sharing is not recorded.
/// </summary>
public sealed class PublierMessageEquipe(OpenCptsDb db, JournalAudit journal, TimeProvider horloge, Notifier notifier, DestinatairesNotification destinataires)
{
    public const int TexteMax = 4000;
    public const int FichiersMax = 3;
    public const long TailleMax = 5 * 1024 * 1024;
    /// <summary>The request body limit of the upload forms: the files at their largest, plus the text and the multipart overhead.</summary>
    public const long TailleRequeteMax = FichiersMax * TailleMax + 1024 * 1024;

    public async Task<ResultatPublication> ExecuteAsync(long patientId, string? texte, IReadOnlyList<FichierRecu> fichiers, ProfilParcours auteur,
        CancellationToken ct = default)
    {
        var patient = await db.PatientsParcours.FindAsync([patientId], ct);
        if (patient is null)
        {
            return new ResultatPublication.Introuvable();
        }
        if (patient.ConsentementLeUtc is null)
        {
            return new ResultatPublication.SansConsentement();
        }
        texte = texte?.Trim() ?? "";
        var erreurs = new ErreursValidation();
        if (texte.Length == 0 && fichiers.Count == 0)
        {
            erreurs["texte"] = ["Écrivez un message ou joignez un fichier."];
        }
        else if (texte.Length > TexteMax)
        {
            erreurs["texte"] = [$"Le message ne doit pas dépasser {TexteMax} caractères (il en fait {texte.Length})."];
        }
        var pieces = new List<PieceJointe>();
        var problemes = new List<string>();
        if (fichiers.Count > FichiersMax)
        {
            problemes.Add($"{FichiersMax} fichiers au plus par message ({fichiers.Count} envoyés).");
        }
        else
        {
            foreach (var f in fichiers)
            {
                var (piece, probleme) = await LireAsync(f, ct);
                if (probleme is not null)
                {
                    problemes.Add(probleme);
                }
                else
                {
                    pieces.Add(piece!);
                }
            }
        }
        if (problemes.Count > 0)
        {
            erreurs["fichiers"] = [.. problemes];
        }
        if (erreurs.Count > 0)
        {
            return new ResultatPublication.Invalide(erreurs);
        }
        var message = new MessageEquipe
        {
            PatientParcoursId = patientId,
            AuteurUtilisateurId = auteur.UtilisateurId,
            Auteur = auteur.NomAffiche.Length > 200 ? auteur.NomAffiche[..200] : auteur.NomAffiche,
            Texte = texte,
            EnvoyeLeUtc = horloge.GetUtcNow().UtcDateTime,
            PiecesJointes = pieces,
        };
        db.MessagesEquipe.Add(message);
        await db.SaveChangesAsync(ct);
        await journal.EnregistrerAsync("Creation", "MessageEquipe", message.Id.ToString(CultureInfo.InvariantCulture), null, patientId, ct);
        await NotifierEquipeAsync(patient, auteur, ct);
        return new ResultatPublication.Publie(message.Id);
    }

    /// <summary>The active team members' accounts (professionals and structures), except the author: the patient's
    /// initials only, never the message (it may be clinical), which they read on the patient's page.</summary>
    private async Task NotifierEquipeAsync(PatientParcours patient, ProfilParcours auteur, CancellationToken ct)
    {
        var membres = await db.MembresEquipe.AsNoTracking().Where(m => m.PatientParcoursId == patient.Id && m.RetireLeUtc == null)
            .Select(m => new { m.ProfessionnelId, m.StructureId }).ToListAsync(ct);
        var comptes = await destinataires.DesProfessionnelsAsync(patient.CptsId,
            [.. membres.Where(m => m.ProfessionnelId is not null).Select(m => m.ProfessionnelId!.Value)], ct);
        comptes.AddRange(await destinataires.DesStructuresAsync(patient.CptsId,
            [.. membres.Where(m => m.StructureId is not null).Select(m => m.StructureId!.Value)], ct));
        comptes.RemoveAll(c => c == auteur.UtilisateurId);
        await notifier.ExecuteAsync(patient.CptsId, TypesNotification.MessageEquipe, comptes,
            $"Nouveau message dans l'équipe de soins (patient {Notifier.Initiales(patient.Prenom, patient.Nom)})", $"/parcours/patients/{patient.Id}", ct);
    }

    private static async Task<(PieceJointe? Piece, string? Probleme)> LireAsync(FichierRecu f, CancellationToken ct)
    {
        var nom = FichiersAcceptes.NomSur(f.NomFichier);
        if (f.Taille == 0)
        {
            return (null, $"« {nom} » est vide.");
        }
        if (f.Taille > TailleMax)
        {
            return (null, $"« {nom} » dépasse la taille maximale de 5 Mo ({(f.Taille / (1024.0 * 1024.0)).ToString("0.0", PlateformeWeb.Francais)} Mo).");
        }
        if (FichiersAcceptes.TypeDeclare(f.TypeContenu) is not { } type)
        {
            return (null, $"« {nom} » n'est pas accepté : seuls les fichiers PDF, PNG et JPEG peuvent être joints.");
        }
        var extensions = FichiersAcceptes.Extensions(type);
        if (!extensions.Contains(Path.GetExtension(nom).ToLowerInvariant()))
        {
            return (null, $"« {nom} » : son extension ne correspond pas à son type ({string.Join(" ou ", extensions)} attendu).");
        }
        byte[] contenu;
        await using (var flux = f.Ouvrir())
        using (var memoire = new MemoryStream())
        {
            await flux.CopyToAsync(memoire, ct);
            contenu = memoire.ToArray();
        }
        if (contenu.Length > TailleMax)
        {
            return (null, $"« {nom} » dépasse la taille maximale de 5 Mo.");
        }
        if (FichiersAcceptes.TypeReconnu(contenu) != type)
        {
            return (null, $"« {nom} » n'est pas un vrai fichier {FichiersAcceptes.Libelle(type)} : son contenu ne correspond pas à son type.");
        }
        return (new PieceJointe { NomFichier = nom, TypeContenu = type, Taille = contenu.Length, Contenu = contenu }, null);
    }
}
