using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Features.Timeliness;

namespace OpenMash.Web.Features.Consent;

/// <summary>
/// Consent overrides: a request to share without consent below threshold, and a MASH manager's approval or rejection
/// of it; each is saved with its audit row. <see cref="InForce"/> is the override the consent gate may rely on.
/// </summary>
public sealed class ConsentOverrideService(OpenMashDbContext db, TimeProvider time, HubWorkingTime workingTime)
{
    public async Task<ConsentOverrideRequest?> OverrideInForceAsync(Guid contactId, CancellationToken ct = default) =>
        InForce(await OpenOverridesAsync(contactId, ct), time.GetUtcNow().UtcDateTime);

    public async Task<List<ConsentOverrideRequest>> OpenOverridesAsync(Guid contactId, CancellationToken ct) =>
        await db.ConsentOverrides.Where(o => o.ContactId == contactId && o.Status != OverrideStatus.Rejected).ToListAsync(ct);

    public static ConsentOverrideRequest? InForce(IEnumerable<ConsentOverrideRequest> overrides, DateTime nowUtc) =>
        overrides.Where(o => o.IsInForce(nowUtc)).OrderByDescending(o => o.RequestedAtUtc).FirstOrDefault();

    /// <summary>For a practitioner the <see cref="Security.Policies.ConsentOverride"/> policy let through (the page's record guard).</summary>
    public async Task<IReadOnlyList<ValidationError>> RequestOverrideAsync(Contact contact, string? justification, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(justification))
        {
            errors.Add(new("Justification", "Enter why the child's protection requires sharing without consent"));
        }

        errors.Limit(justification, "Justification", 5000);
        var screening = await db.Screenings.AsNoTracking().SingleOrDefaultAsync(s => s.ContactId == contact.Id, ct);
        if (screening is null)
        {
            errors.Add(new(string.Empty, "Screen the contact before requesting a consent override"));
        }
        else if (screening.AllowsSharingWithoutConsent)
        {
            errors.Add(new(string.Empty, "This contact is screened above threshold: sharing without consent is already lawful under the safeguarding condition, so no override is needed"));
        }

        if (contact.State == ContactState.Decided)
        {
            errors.Add(new(string.Empty, "This contact has been decided"));
        }

        if (await db.ConsentOverrides.AnyAsync(o => o.ContactId == contact.Id && o.Status != OverrideStatus.Rejected, ct))
        {
            errors.Add(new(string.Empty, "An override has already been requested for this contact"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var red = contact.Rag == RagRating.Red;
        DateTime? due = null;
        if (red)
        {
            // Retrospective approval is due within the hub's red decision time from the request.
            var calculator = await workingTime.CalculatorAsync(ct);
            due = calculator.For(RagRating.Red, new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc))).DecisionDue.UtcDateTime;
        }

        var request = new ConsentOverrideRequest
        {
            Id = Guid.NewGuid(),
            HubId = contact.HubId,
            ContactId = contact.Id,
            RequestedByUserId = db.Actor.UserId ?? Guid.Empty,
            RequestedByName = await db.ActorDisplayNameAsync(ct),
            RequestedAtUtc = now,
            Justification = justification!.Trim(),
            Rag = contact.Rag,
            TakesEffectAtOnce = red,
            ApprovalDueUtc = due,
            Status = OverrideStatus.Pending,
        };
        db.ConsentOverrides.Add(request);
        db.Audit(AuditActions.ConsentOverrideRequested, targetType: nameof(ConsentOverrideRequest), targetId: request.Id.ToString(), subjects: contact.Subjects.Select(s => s.PersonId), purpose: "Information governance",
            detail: red ? $"Red contact {contact.Reference}: in force at once, retrospective approval due {CaseDisplay.Time(due)}" : $"Contact {contact.Reference}: awaiting a manager's approval");
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>
    /// For a manager the <see cref="Security.Policies.DecideConsentOverride"/> policy let through (a MASH manager who did
    /// not request it, checked by the page's record guard); what is left here is the form and the override's state.
    /// </summary>
    public async Task<IReadOnlyList<ValidationError>> DecideOverrideAsync(ConsentOverrideRequest request, bool? approve, string? comment, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        if (request.Status != OverrideStatus.Pending)
        {
            errors.Add(new(string.Empty, "This override has already been decided"));
        }

        if (approve is null)
        {
            errors.Add(new("Approve", "Select whether you approve or reject the override"));
        }

        if (approve == false && string.IsNullOrWhiteSpace(comment))
        {
            errors.Add(new("Comment", "Enter why you reject the override"));
        }

        errors.Limit(comment, "Comment", 5000);
        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var late = request.IsOverdue(now);
        request.Status = approve == true ? OverrideStatus.Approved : OverrideStatus.Rejected;
        request.DecidedByUserId = db.Actor.UserId;
        request.DecidedByName = await db.ActorDisplayNameAsync(ct);
        request.DecidedAtUtc = now;
        request.DecisionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        db.Audit(approve == true ? AuditActions.ConsentOverrideApproved : AuditActions.ConsentOverrideRejected, targetType: nameof(ConsentOverrideRequest), targetId: request.Id.ToString(), purpose: "Information governance",
            detail: late ? "decided after its retrospective approval was due" : null);
        await db.SaveChangesAsync(ct);
        return [];
    }
}
