using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Messaging;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Admin.Outbox;

/// <summary>
/// The hub's e-mails: which are waiting, which were sent (to the mail server or only to the pickup folder), and which
/// could not be sent and why; a message that could not be sent can be sent again. Subjects name references only.
/// </summary>
[AuditedAs(AuditActions.ResendEmail, Purpose = "Administration")]
public sealed class IndexModel(OpenMashDbContext db, TimeProvider time, IOptions<SmtpOptions> smtp) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public int Failed { get; private set; }

    public int Waiting { get; private set; }

    public int Sent { get; private set; }

    /// <summary>Where messages go, in words: the mail server, or the pickup folder.</summary>
    public string Route { get; private set; } = string.Empty;

    /// <summary>The message just put back in the queue, for the confirmation banner.</summary>
    public async Task OnGetAsync()
    {
        var options = smtp.Value;
        Route = options.UsesMailServer
            ? $"E-mails go to the mail server {options.Host} (port {options.EffectivePort}). \"Sent\" means the server accepted the message."
            : $"No mail server is set up (Smtp:Host), so e-mails are not delivered: each is written as a file to the pickup folder {options.EffectivePickupDirectory}. \"Sent\" here means written to that folder.";
        var counts = await db.Outbox.GroupBy(o => o.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        Failed = counts.Where(c => c.Key == DeliveryState.Failed).Sum(c => c.Count);
        Sent = counts.Where(c => c.Key == DeliveryState.Sent).Sum(c => c.Count);
        Waiting = counts.Where(c => c.Key is DeliveryState.Queued or DeliveryState.Sending).Sum(c => c.Count);
        Messages = await db.Outbox.AsNoTracking()
            .OrderBy(o => o.State == DeliveryState.Failed ? 0 : o.State == DeliveryState.Sent ? 2 : 1).ThenByDescending(o => o.CreatedAtUtc)
            .Take(Shown).ToListAsync();
        db.Audit(AuditActions.ViewOutbox, targetType: nameof(OutboxMessage), purpose: "Administration", detail: $"{Messages.Count} shown; {Failed} could not be sent, {Waiting} waiting");
        await db.SaveChangesAsync();
    }

    /// <summary>Puts a message that could not be sent back in the queue, with a fresh set of attempts.</summary>
    public async Task<IActionResult> OnPostResendAsync()
    {
        var message = HttpContext.Record<OutboxMessage>();
        if (message.State != DeliveryState.Failed)
        {
            ModelState.AddModelError(string.Empty, "Only an e-mail that could not be sent can be sent again: this one is " + message.State.DisplayName().ToLowerInvariant());
            await OnGetAsync();
            return Page();
        }

        message.Resend(time.GetUtcNow().UtcDateTime);
        db.Audit(AuditActions.ResendEmail, targetType: nameof(OutboxMessage), targetId: message.Id.ToString(), purpose: "Administration",
            detail: $"{MessageKinds.DisplayName(message.Kind)} to {message.ToAddress}; last error: {message.LastError}");
        await db.SaveChangesAsync();
        this.Banner($"The e-mail \"{message.Subject}\" to {message.ToAddress} is waiting to be sent again.");
        return RedirectToPage();
    }
}
