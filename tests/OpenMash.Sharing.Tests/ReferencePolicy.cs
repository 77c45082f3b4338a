namespace OpenMash.Sharing.Tests;

/// <summary>
/// The sharing rules written as plainly as possible, one linear scan per question, to check the compiled
/// policy against. It shares no code with the library's evaluation.
/// </summary>
internal static class ReferencePolicy
{
    public static (SharingOutcome Outcome, DecisionReason Reason, RuleReference? Rule) Decide(
        IReadOnlyList<Agency> agencies, IReadOnlyList<SharingAgreement> agreements, SharingRequest request)
    {
        var source = agencies.FirstOrDefault(a => a.Id == request.SourceAgency);
        var destination = agencies.FirstOrDefault(a => a.Id == request.DestinationAgency);
        if (source is null || destination is null)
            return (SharingOutcome.Deny, DecisionReason.UnknownAgency, null);
        if (!Enum.IsDefined(request.Category) || !Enum.IsDefined(request.Purpose))
            return (SharingOutcome.Deny, DecisionReason.InvalidRequest, null);

        var inForce = agreements.GroupBy(a => a.Id).Select(g => g.OrderByDescending(a => a.Version).First());
        var applicable = inForce.Where(a =>
            a.Category == request.Category
            && a.Purpose == request.Purpose
            && a.SourceHub == request.SourceHub
            && a.DestinationHub == request.DestinationHub
            && SideMatches(a.Source, source)
            && SideMatches(a.Destination, destination)
            && request.At >= a.ValidFrom
            && (a.ValidUntil is null || request.At < a.ValidUntil))
            .ToList();

        var allowContent = applicable.Where(a => a.Effect == AgreementEffect.Allow && a.Mode == SharingMode.Content).ToList();
        var allowAny = applicable.Where(a => a.Effect == AgreementEffect.Allow).ToList();
        var allowExistence = applicable.Where(a => a.Effect == AgreementEffect.Allow && a.Mode == SharingMode.Existence).ToList();
        var denyAny = applicable.Where(a => a.Effect == AgreementEffect.Deny).ToList();
        var denyExistence = applicable.Where(a => a.Effect == AgreementEffect.Deny && a.Mode == SharingMode.Existence).ToList();
        var denyContentOnly = applicable.Where(a => a.Effect == AgreementEffect.Deny && a.Mode == SharingMode.Content).ToList();

        // Content needs an allow of content and no deny at all (denying existence also denies content).
        if (allowContent.Count > 0 && denyAny.Count == 0)
            return (SharingOutcome.Content, DecisionReason.AllowedByAgreement, First(allowContent));

        // Existence needs any allow and no deny of existence.
        if (allowAny.Count > 0 && denyExistence.Count == 0)
        {
            return denyContentOnly.Count > 0
                ? (SharingOutcome.ExistenceOnly, DecisionReason.DeniedByAgreement, First(denyContentOnly))
                : (SharingOutcome.ExistenceOnly, DecisionReason.AllowedByAgreement, First(allowExistence));
        }

        return denyExistence.Count > 0
            ? (SharingOutcome.Deny, DecisionReason.DeniedByAgreement, First(denyExistence))
            : (SharingOutcome.Deny, DecisionReason.NoAgreement, null);
    }

    private static bool SideMatches(PartySelector side, Agency agency) =>
        side.Agency is not null ? side.Agency == agency.Id : side.Type == agency.Type;

    // Which of several equally deciding rules is reported: the most specific, then the lowest agreement id.
    private static RuleReference First(List<SharingAgreement> candidates) =>
        candidates.OrderByDescending(a => (a.Source.Agency is null ? 0 : 1) + (a.Destination.Agency is null ? 0 : 1))
            .ThenBy(a => a.Id.Value)
            .First()
            .Rule;
}
