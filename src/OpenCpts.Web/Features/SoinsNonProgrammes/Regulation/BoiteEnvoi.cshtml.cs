using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenCpts.Web.Infrastructure.Audit;
using OpenCpts.Web.Infrastructure.Data;
using OpenCpts.Web.Infrastructure.Messages;

namespace OpenCpts.Web.Features.SoinsNonProgrammes.Regulation;

/// <summary>What the platform sent (or would send) to patients: the development outbox, and every SMS.</summary>
[Authorize(Policy = SoinsNonProgrammes.PolitiqueRegulation)]
public class BoiteEnvoiModel(OpenCptsDb db, IOptions<OptionsSmtp> smtp, JournalAudit audit) : PageModel
{
    public IReadOnlyList<MessageSortant> Messages { get; private set; } = [];
    public bool SmtpConfigure => !string.IsNullOrWhiteSpace(smtp.Value.Hote);

    /// <summary>The messages carry patients' addresses and phone numbers: showing them is an audited read.</summary>
    public async Task OnGetAsync(CancellationToken ct)
    {
        Messages = await db.MessagesSortants.AsNoTracking().OrderByDescending(m => m.CreeLeUtc).ThenByDescending(m => m.Id).Take(100).ToListAsync(ct);
        await audit.EnregistrerAsync("Lecture", "BoiteEnvoi", "100-derniers", $"{Messages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} message(s)", ct);
    }
}
