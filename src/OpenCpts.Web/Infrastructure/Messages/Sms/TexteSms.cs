using OpenCpts.Web.Infrastructure.Web;

namespace OpenCpts.Web.Infrastructure.Messages.Sms;

/// <summary>
/// The only texts the platform sends by SMS. An SMS is read on a lock screen, on a shared phone, by whoever holds it:
/// it carries the appointment's time, its place (the professional's name and address) and the CPTS's name, and
/// nothing else — no patient name, no reason for the visit, no speciality, no clinical word. Each builder takes only
/// those parts, so a caller cannot put more in; <see cref="Message.Sms"/> takes a <see cref="TexteSms"/>, and the
/// outbox refuses an SMS whose text was written elsewhere. The e-mail may say more (it is addressed to the patient).
/// </summary>
public sealed class TexteSms
{
    private TexteSms(string sujet, string texte)
    {
        Sujet = sujet;
        Texte = texte;
    }

    /// <summary>What the outbox shows as the subject (not sent: an SMS has none).</summary>
    public string Sujet { get; }

    public string Texte { get; }

    /// <summary>"CPTS du Pays de Bourges : rendez-vous confirmé le 23/11/2026 11:00 avec Dr Marie Dupont, au cabinet,
    /// 3 rue de la Paix, 18000 Bourges. Si vous ne pouvez pas venir, annulez : https://…" (or "prévenez la CPTS.").</summary>
    /// <param name="lieu">"au cabinet, ADRESSE", "à votre domicile" or "en téléconsultation".</param>
    /// <param name="lienAnnulation">The booking's cancellation link (a signed token: it names no one).</param>
    public static TexteSms RendezVousConfirme(string cpts, DateTime debutUtc, string professionnel, string lieu, string? lienAnnulation = null) =>
        new("Confirmation de votre rendez-vous",
            $"{cpts} : rendez-vous confirmé le {Affichage.DateHeure(debutUtc)} avec {professionnel}, {lieu}. " + Empechement(lienAnnulation));

    /// <summary>The reminder before the appointment: "CPTS du Pays de Bourges : rappel, rendez-vous le … avec …, …. Si vous
    /// ne pouvez pas venir, annulez : https://…".</summary>
    public static TexteSms RappelRendezVous(string cpts, DateTime debutUtc, string professionnel, string lieu, string lienAnnulation) =>
        new("Rappel de votre rendez-vous",
            $"{cpts} : rappel, rendez-vous le {Affichage.DateHeure(debutUtc)} avec {professionnel}, {lieu}. " + Empechement(lienAnnulation));

    /// <summary>A notification to a member of the CPTS (never to a patient): its title, which carries no more than a
    /// patient's initials and no clinical text (<see cref="Features.Notifications.Notifier"/>), and the link to the object.</summary>
    public static TexteSms NotificationMembre(string titre, string lien) => new("OpenCPTS", $"OpenCPTS : {titre} — {lien}");

    private static string Empechement(string? lienAnnulation) =>
        lienAnnulation is null ? "Si vous ne pouvez pas venir, prévenez la CPTS." : $"Si vous ne pouvez pas venir, annulez : {lienAnnulation}";

    /// <summary>"CPTS du Pays de Bourges : Dr Luc Bernard accepte de devenir votre médecin traitant. Prenez rendez-vous
    /// au cabinet, 3 rue de la Paix 18000 Bourges, tél. 0248000000."</summary>
    public static TexteSms MedecinTraitantAccepte(string cpts, string medecin, string? adresseCabinet, string? telephoneCabinet)
    {
        var cabinet = "au cabinet"
            + (string.IsNullOrWhiteSpace(adresseCabinet) ? "" : ", " + adresseCabinet.Trim())
            + (string.IsNullOrWhiteSpace(telephoneCabinet) ? "" : ", tél. " + telephoneCabinet.Trim());
        return new("Votre médecin traitant", $"{cpts} : {medecin} accepte de devenir votre médecin traitant. Prenez rendez-vous {cabinet}.");
    }
}
