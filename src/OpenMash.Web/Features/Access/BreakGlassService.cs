using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.People;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Access;

/// <summary>Grants, expires and reviews break-glass access; tells the owning hub's managers at once.</summary>
public sealed class BreakGlassService(OpenMashDbContext db, OtherHubLookup lookup, TimeProvider time)
{
    public const int GrantMinutes = 60;

    /// <summary>At least a sentence: "x" or "urgent" is not an explanation another hub's reviewers can judge.</summary>
    public const int MinimumJustification = 30;
    public const string NoticeKind = MessageKinds.BreakGlassNotice;

    public async Task<(BreakGlassGrant? Grant, List<ValidationError> Errors)> GrantAsync(
        Person person, Guid owningHubId, BreakGlassReason? reason, string? justification, CancellationToken ct = default)
    {
        var actor = db.Actor;
        var errors = new List<ValidationError>();
        var chosenReason = errors.Require(reason, "Reason", "Select why you need the other hub's records now");

        if (string.IsNullOrWhiteSpace(justification))
        {
            errors.Add(new("Justification", "Explain what is happening and why it cannot wait for the other hub"));
        }
        else if (justification.Trim().Length < MinimumJustification)
        {
            errors.Add(new("Justification", $"Explain in at least a sentence ({MinimumJustification} characters or more) what is happening and why it cannot wait"));
        }
        else
        {
            errors.Limit(justification, "Justification", 2000, "Explanation");
        }

        var owning = await db.Hubs.AsNoTracking().Where(h => h.Id == owningHubId && h.Id != actor.HubId).Select(h => h.Name).SingleOrDefaultAsync(ct);
        if (owning is null)
        {
            errors.Add(new("OwningHubId", "Select the other hub"));
        }

        if (errors.Count > 0)
        {
            db.Audit(AuditActions.BreakGlass, AuditOutcome.Refused, "Person", person.Id.ToString(), [person.Id], "break-glass", "incomplete request: " + string.Join(',', errors.Select(e => e.Field)));
            await db.SaveChangesAsync(ct);
            return (null, errors);
        }

        var matched = await lookup.MatchIdsAsync(person, owningHubId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var grant = new BreakGlassGrant
        {
            Id = Guid.NewGuid(),
            UserId = actor.RequiredUserId,
            UserName = actor.UserName ?? "unknown",
            AgencyId = actor.RequiredAgencyId,
            HubId = actor.RequiredHubId,
            PersonId = person.Id,
            OwningHubId = owningHubId,
            MatchedPersonIds = matched.Count == 0 ? null : string.Join(',', matched),
            Reason = chosenReason,
            Justification = justification!.Trim(),
            GrantedAtUtc = now,
            ExpiresAtUtc = now.AddMinutes(GrantMinutes),
        };
        var who = await db.Users.AsNoTracking().Where(u => u.Id == grant.UserId)
            .Select(u => new { u.DisplayName, Agency = u.Agency!.Name, Hub = u.Hub!.Name }).SingleAsync(ct);
        var text = $"{who.DisplayName} ({who.Agency}, {who.Hub}) broke glass on {CaseDisplay.Time(now)} to read your hub's records " +
            $"about a child they are working with, until {CaseDisplay.Time(grant.ExpiresAtUtc)}. Reason: {grant.Reason.DisplayName()}. " +
            (matched.Count == 0 ? "No record in your hub matched the child." : $"{matched.Count} of your hub's records matched; see their access history.") +
            $" Grant reference {grant.Id}.";

        // Managers of the owning hub: a notice on their home page and an e-mail through the outbox, in one transaction.
        var managers = await db.EmailsInRolesAsync(owningHubId, [Roles.MashManager], except: null, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Set<BreakGlassGrant>().Add(grant);
        db.Set<AccessNotice>().Add(new AccessNotice { Id = Guid.NewGuid(), HubId = owningHubId, GrantId = grant.Id, Text = text, CreatedAtUtc = now });
        db.QueueEmails(owningHubId, NoticeKind, managers, "Break-glass access to your hub's records", text, now, recordId: grant.Id, linkPath: "/");

        db.Audit(AuditActions.BreakGlass, AuditOutcome.Allowed, nameof(BreakGlassGrant), grant.Id.ToString(), grant.AuditSubjects, "break-glass",
            $"reason {grant.Reason}; owning hub {owningHubId}; expires {grant.ExpiresAtUtc:O}; notice on the owning hub's home page; e-mails to its managers queued (not yet sent): {managers.Count}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (grant, []);
    }

    /// <summary>
    /// Grants made by this hub's users, newest first, for the IG review list. Only the requesting hub reviews: its IG
    /// officer is accountable for its staff and may read their explanation about its own child.
    /// </summary>
    public Task<List<BreakGlassGrant>> ForReviewAsync(Guid hubId, bool reviewed, CancellationToken ct = default) =>
        db.Set<BreakGlassGrant>().AsNoTracking()
            .Where(g => g.HubId == hubId && (g.ReviewedAtUtc != null) == reviewed)
            .OrderByDescending(g => g.GrantedAtUtc).Take(200).ToListAsync(ct);

    /// <summary>
    /// Grants by the other hub's users that opened this hub's records, newest first: for the owning hub to see
    /// read only (who, when, reason, expiry); the free-text explanation is about the other hub's child and stays there.
    /// </summary>
    public Task<List<BreakGlassGrant>> OfOurRecordsAsync(Guid hubId, CancellationToken ct = default) =>
        db.Set<BreakGlassGrant>().AsNoTracking()
            .Where(g => g.OwningHubId == hubId && g.HubId != hubId)
            .OrderByDescending(g => g.GrantedAtUtc).Take(200).ToListAsync(ct);

    public async Task<List<ValidationError>> ReviewAsync(Guid grantId, string? notes, CancellationToken ct = default)
    {
        var hubId = db.Actor.HubId;
        var grant = await db.Set<BreakGlassGrant>().SingleOrDefaultAsync(g => g.Id == grantId && g.HubId == hubId, ct);
        if (grant is null)
        {
            db.Audit(AuditActions.ReviewBreakGlass, AuditOutcome.Refused, nameof(BreakGlassGrant), grantId.ToString(), purpose: "break-glass", detail: "not a grant made by the user's hub");
            await db.SaveChangesAsync(ct);
            return [new("GrantId", "That break-glass access is not one your hub can review")];
        }

        var problems = new List<ValidationError>();
        problems.Require(notes, $"Notes_{grantId:N}", "Enter the outcome of your review", 2000, "The outcome of your review");
        if (problems.Count > 0)
        {
            return problems;
        }

        grant.ReviewedAtUtc = time.GetUtcNow().UtcDateTime;
        grant.ReviewedByUserId = db.Actor.UserId;
        grant.ReviewNotes = notes!.Trim();
        await db.SaveChangesAsync(ct);
        return [];
    }
}
