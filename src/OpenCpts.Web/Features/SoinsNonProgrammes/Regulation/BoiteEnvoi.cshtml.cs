using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;
using OpenCpts.Web.Infrastructure.Messages.Sms;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

/// <summary>What the platform sent (or would send) to patients: every SMS with its sending status, and the e-mails
/// kept when no SMTP server is configured. An abandoned SMS can be queued again.</summary>
[Authorize(Policy = SoinsNonProgrammes.PolitiqueRegulation)]
public class BoiteEnvoiModel(OpenCptsDb db, IOptions<OptionsSmtp> smtp, IOptions<OptionsSms> sms, EnvoiSms envoiSms, JournalAudit audit) : PageModel
{
    public IReadOnlyList<MessageSortant> Messages { get; private set; } = [];
    public bool SmtpConfigure => !string.IsNullOrWhiteSpace(smtp.Value.Hote);
    public FournisseurSms FournisseurSms => sms.Value.Fournisseur;

    [TempData]
    public string? Message { get; set; }

    /// <summary>The messages carry patients' addresses and phone numbers: showing them is an audited read.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        // Account e-mails (invitation, password reset) carry secret links: never shown to the regulation desk.
        Messages = await db.MessagesSortants.AsNoTracking()
            .Where(m => !m.Sujet.StartsWith(Comptes.LiensCompte.PrefixeSujet))
            .OrderByDescending(m => m.CreeLeUtc).ThenByDescending(m => m.Id).Take(100).ToListAsync(ct);
        await audit.EnregistrerAsync("Lecture", "BoiteEnvoi", "100-derniers", $"{Messages.Count.ToString(CultureInfo.InvariantCulture)} message(s)", ct);
    }

    /// <summary>Queues an abandoned SMS again (audited); an unknown id, another CPTS's or one not abandoned: 404.</summary>
    public async Task<IActionResult> OnPostRenvoyerAsync(long id, CancellationToken ct)
    {
        var cle = id.ToString(CultureInfo.InvariantCulture);
        if (!await envoiSms.RenvoyerAsync(id, ct))
        {
            await audit.EnregistrerAsync("Refus", "MessageSortant", cle, "Renvoi d'un SMS", ct);
            return NotFound();
        }
        await audit.EnregistrerAsync("Renvoi", "MessageSortant", cle, "SMS remis en file d'envoi", ct);
        Message = "Le SMS est remis en file d'envoi.";
        return RedirectToPage();
    }
}
