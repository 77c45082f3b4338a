using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.DataSharing;

/// <summary>
/// The one enforcement point for information that crosses an agency or hub boundary. Every page, export, feedback
/// and API path that could reveal another agency's or another hub's information asks here first. Each decision is
/// added to the audit trail with the policy version and the deciding rule; it is written by the caller's
/// <c>SaveChangesAsync</c>, in the same transaction as the read it guards.
/// </summary>
public sealed class SharingGate(OpenMashDbContext db, SharingPolicyService policy)
{
    /// <summary>Agreement names already read in this scope: a page deciding for many rows looks each rule up once.</summary>
    private readonly Dictionary<RuleReference, string?> _ruleNames = [];

    public const string SomethingMayBeWithheld =
        "Some information held by other agencies or the other hub may not be shown to you under the data sharing agreements. " +
        "If you need it to protect a child, ask your hub's information governance officer.";

    /// <summary>
    /// Decides for the signed-in user's agency and hub, or for the destination given (e.g. a referrer's agency).
    /// Information an agency holds in its own hub is its own: content, with no sharing decision to record.
    /// </summary>
    public async Task<ShareVerdict> DecideAsync(ShareRequest request, Guid? destinationAgency = null, Guid? destinationHub = null, CancellationToken ct = default)
    {
        var toAgency = destinationAgency ?? db.Actor.AgencyId ?? Guid.Empty;
        var toHub = destinationHub ?? db.Actor.HubId ?? Guid.Empty;
        if (toAgency == request.SourceAgencyId && toHub == request.SourceHubId)
        {
            return new ShareVerdict(new SharingDecision(SharingOutcome.Content, DecisionReason.AllowedByAgreement, null, null), string.Empty);
        }

        var decision = await policy.DecideAsync(request.SourceAgencyId, request.SourceHubId, toAgency, toHub, request.Category, request.Purpose, ct);
        var ruleName = decision.DecidingRule is { } rule ? await RuleNameAsync(rule, ct) : null;
        var ruleText = decision.DecidingRule is { } r ? $"{ruleName ?? "agreement"} ({r})" : "none";
        db.Audit(
            AuditActions.SharingDecision,
            decision.Outcome == SharingOutcome.Content ? AuditOutcome.Allowed : AuditOutcome.Refused,
            request.TargetType,
            request.TargetId,
            request.Subjects,
            purpose: request.Purpose.ToString(),
            detail: $"{request.Category.InSentence()} from {request.SourceAgencyName}: {decision.Outcome.InSentence()} ({decision.Reason.InSentence()}); " +
                $"policy {decision.PolicyVersion?.ToString() ?? "unavailable"}; rule {ruleText}; to agency {toAgency} hub {toHub}");
        return new ShareVerdict(decision, WhyNot(decision, request, ruleName));
    }

    private async Task<string?> RuleNameAsync(RuleReference rule, CancellationToken ct)
    {
        if (!_ruleNames.TryGetValue(rule, out var name))
        {
            name = await db.DataSharingAgreements.AsNoTracking()
                .Where(a => a.Id == rule.Agreement.Value && a.Version == rule.Version).Select(a => a.Name).SingleOrDefaultAsync(ct);
            _ruleNames[rule] = name;
        }

        return name;
    }

    private static string WhyNot(SharingDecision decision, ShareRequest request, string? ruleName)
    {
        var category = request.Category.InSentence();
        var purpose = request.Purpose.InSentence();
        return decision.Reason switch
        {
            _ when decision.Outcome == SharingOutcome.Content => string.Empty,
            DecisionReason.PolicyUnavailable =>
                "The data sharing policy could not be loaded, so nothing from other agencies is shown. Tell your administrator.",
            DecisionReason.DeniedByAgreement =>
                $"The data sharing agreement \u201c{ruleName ?? "unnamed"}\u201d (version {decision.DecidingRule?.Version}) does not let {request.SourceAgencyName} " +
                $"share {category} with your agency for {purpose}" +
                (decision.Outcome == SharingOutcome.ExistenceOnly ? ", only that it holds something. " : ". ") +
                $"Ask {request.SourceAgencyName}'s information governance lead or your hub's information governance officer.",
            DecisionReason.AllowedByAgreement when decision.Outcome == SharingOutcome.ExistenceOnly =>
                $"The data sharing agreement \u201c{ruleName ?? "unnamed"}\u201d (version {decision.DecidingRule?.Version}) lets {request.SourceAgencyName} tell you only that it holds " +
                $"{category} for {purpose}, not what. Ask {request.SourceAgencyName} directly if you need the details.",
            _ =>
                $"No data sharing agreement lets {request.SourceAgencyName} share {category} with your agency for {purpose}. " +
                $"Ask your hub's information governance officer or {request.SourceAgencyName}'s information governance lead.",
        };
    }


}
