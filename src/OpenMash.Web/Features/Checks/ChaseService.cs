using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Checks;

/// <summary>
/// A screener or manager chases one overdue check by hand: an e-mail queued to the agency's address in the outbox
/// (the outbox sender sends it, and only then is it recorded as sent), the chase counted on the check, audited, and
/// shown on the timeline with who queued it (from the audit row, which names them). The background <see cref="CheckChaser"/> then waits its hour from this
/// chase before chasing again.
/// </summary>
public sealed class ChaseService(OpenMashDbContext db, TimeProvider time)
{
    /// <summary>What happened: the agency chased, or why not (a refusal the page shows as an error).</summary>
    public sealed record Outcome(string? AgencyName, string? Error, bool NotFound = false);

    /// <summary>Whether the page offers a chase button for this check: overdue, unanswered, the contact not decided, and the agency has an address.</summary>
    public static bool MayChase(MultiAgencyCheck check, Contact contact, DateTime nowUtc) =>
        check.Status == CheckStatus.Requested && check.DueAtUtc < nowUtc && !contact.IsDecided && !string.IsNullOrWhiteSpace(check.Agency.EmailAddress);

    public async Task<Outcome> ChaseAsync(Contact contact, Guid? checkId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // The hub filter applies: a check of another hub, or of another contact, is not found.
        var check = checkId is { } id
            ? await db.Checks.AsNoTracking().Include(c => c.Agency).SingleOrDefaultAsync(c => c.Id == id && c.ContactId == contact.Id, ct)
            : null;
        if (check is null)
        {
            return new(null, null, NotFound: true);
        }

        if (!MayChase(check, contact, now))
        {
            var why = check.Status != CheckStatus.Requested ? $"{check.Agency.Name} has already answered this check"
                : contact.IsDecided ? "This contact has been decided, so its checks are no longer chased"
                : check.DueAtUtc >= now ? $"The check is not due until {CaseDisplay.Time(check.DueAtUtc)}, so it cannot be chased yet"
                : $"{check.Agency.Name} has no e-mail address in OpenMash, so no chase can be sent (an administrator can add one under Agencies)";
            return new(check.Agency.Name, why);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Claim the chase with a conditional update on the last chase seen, so that two chases at once (two tabs, or the background chaser) queue one e-mail.
        var seen = check.LastChasedAtUtc;
        var claimed = await db.Checks
            .Where(c => c.Id == check.Id && c.Status == CheckStatus.Requested && c.LastChasedAtUtc == seen)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ChaseCount, c => c.ChaseCount + 1).SetProperty(c => c.LastChasedAtUtc, now), ct);
        if (claimed != 1)
        {
            return new(check.Agency.Name, $"{check.Agency.Name} was chased or answered a moment ago: look at the check again before chasing");
        }

        // The reference and a link: nothing about the child.
        db.QueueEmails(
            check.HubId, MessageKinds.CheckChase, [check.Agency.EmailAddress!], $"Overdue multi-agency check for contact {contact.Reference}",
            $"Your agency's check for contact {contact.Reference} was due at {CaseDisplay.Time(check.DueAtUtc)} and has not been answered. The MASH has asked for it again. Please answer it in OpenMash.",
            now, contactId: contact.Id, recordId: check.Id, linkPath: $"/Checks/{check.Id}");
        db.Audit(AuditActions.ChaseMultiAgencyCheckByHand, targetType: nameof(MultiAgencyCheck), targetId: check.Id.ToString(), purpose: "Check overdue",
            detail: $"Chase queued to {check.Agency.Name} for contact {contact.Reference}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(check.Agency.Name, null);
    }
}
