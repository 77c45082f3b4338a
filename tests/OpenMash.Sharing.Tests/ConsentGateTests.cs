using static OpenMash.Sharing.Tests.Fixture;

namespace OpenMash.Sharing.Tests;

public class ConsentGateTests
{
    private static readonly ConsentScope HealthForEarlyHelp = new(
        new HashSet<AgencyType> { AgencyType.Health },
        new HashSet<AgencyId>(),
        new HashSet<SharingPurpose> { SharingPurpose.EarlyHelp });

    private static ConsentGateRequest BelowThreshold(params ConsentRecord[] consents) => new(
        SafeguardingThreshold.BelowThreshold, MidlandsTrust, AgencyType.Health, SharingPurpose.EarlyHelp, Now, consents, null, null, null, AgencyType.ChildrensSocialCare);

    private static ConsentRecord Consent(ConsentStatus status, int daysAgo, DateTimeOffset? expires = null) =>
        new(status, HealthForEarlyHelp, Now.AddDays(-daysAgo), expires, "Mother");

    [Fact]
    public void Evaluate_BelowThresholdWithConsentInScope_ProceedsOnConsent()
    {
        var result = ConsentGate.Evaluate(BelowThreshold(Consent(ConsentStatus.Given, 3)));

        Assert.True(result.MayProceed);
        Assert.Equal(LawfulBasis.Consent, result.LawfulBasis);
    }

    [Fact]
    public void Evaluate_BelowThresholdWithNoConsent_IsBlockedWithAReason()
    {
        var result = ConsentGate.Evaluate(BelowThreshold());

        Assert.False(result.MayProceed);
        Assert.Equal(LawfulBasis.None, result.LawfulBasis);
        Assert.Contains("no consent on record", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BelowThresholdConsentForAnotherAgencyOrPurpose_IsBlocked()
    {
        var policeOnly = Consent(ConsentStatus.Given, 1) with { Scope = HealthForEarlyHelp with { AgencyTypes = new HashSet<AgencyType> { AgencyType.Police } } };
        var otherPurpose = BelowThreshold(Consent(ConsentStatus.Given, 1)) with { Purpose = SharingPurpose.SafeguardingScreening };

        Assert.False(ConsentGate.Evaluate(BelowThreshold(policeOnly)).MayProceed);
        Assert.False(ConsentGate.Evaluate(otherPurpose).MayProceed);
    }

    [Fact]
    public void Evaluate_BelowThresholdConsentLaterWithdrawn_IsBlocked()
    {
        var result = ConsentGate.Evaluate(BelowThreshold(Consent(ConsentStatus.Given, 5), Consent(ConsentStatus.Withdrawn, 1)));

        Assert.False(result.MayProceed);
        Assert.Equal(ConsentStatus.Withdrawn, result.ConsentStatus);
    }

    [Fact]
    public void Evaluate_BelowThresholdConsentExpired_IsBlocked()
    {
        var result = ConsentGate.Evaluate(BelowThreshold(Consent(ConsentStatus.Given, 30, expires: Now)));

        Assert.False(result.MayProceed);
        Assert.Contains("expired", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BelowThresholdRefusedWithApprovedOverride_ProceedsOnTheSafeguardingCondition()
    {
        var request = BelowThreshold(Consent(ConsentStatus.Refused, 1)) with
        {
            Override = new ConsentOverride("Team manager", Now, "Escalating concerns about neglect"),
        };

        var result = ConsentGate.Evaluate(request);

        Assert.True(result.MayProceed);
        Assert.Equal(LawfulBasis.SafeguardingOfChildren, result.LawfulBasis);
        Assert.Contains("Team manager", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AboveThresholdConsentRefused_ProceedsWithoutConsentWhenJustified()
    {
        var request = BelowThreshold(Consent(ConsentStatus.Refused, 1)) with
        {
            Threshold = SafeguardingThreshold.AboveThreshold,
            SafeguardingJustification = "Disclosure of physical harm",
        };

        var result = ConsentGate.Evaluate(request);

        Assert.True(result.MayProceed);
        Assert.Equal(LawfulBasis.SafeguardingOfChildren, result.LawfulBasis);
        Assert.Contains("Schedule 1 paragraph 18", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SocialCareDisclosingToPolice_UsesSchedule1NotSchedule8()
    {
        var request = BelowThreshold() with
        {
            Threshold = SafeguardingThreshold.AboveThreshold,
            DestinationAgency = StaffordshirePolice,
            DestinationAgencyType = AgencyType.Police,
            NotSoughtReason = NotSoughtReason.WouldPrejudiceProtection,
            SafeguardingJustification = "Suspected exploitation",
        };

        var result = ConsentGate.Evaluate(request);

        Assert.True(result.MayProceed);
        Assert.Equal(LawfulBasis.SafeguardingOfChildren, result.LawfulBasis);
        Assert.Contains("Schedule 1 paragraph 18", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Schedule 8", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_PoliceDisclosingToHealth_UsesSchedule8()
    {
        var request = BelowThreshold() with
        {
            Threshold = SafeguardingThreshold.AboveThreshold,
            DiscloserAgencyType = AgencyType.Police,
            NotSoughtReason = NotSoughtReason.WouldPrejudiceProtection,
            SafeguardingJustification = "Suspected exploitation",
        };

        var result = ConsentGate.Evaluate(request);

        Assert.True(result.MayProceed);
        Assert.Equal(LawfulBasis.LawEnforcementSafeguarding, result.LawfulBasis);
        Assert.Contains("Schedule 8 paragraph 4", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BelowThresholdConsentReportedNotConfirmed_IsBlocked()
    {
        var reported = Consent(ConsentStatus.Given, 1) with { Confirmed = false };

        var result = ConsentGate.Evaluate(BelowThreshold(reported));

        Assert.False(result.MayProceed);
        Assert.Equal(ConsentStatus.NotSought, result.ConsentStatus);
        Assert.Contains("no practitioner has confirmed it", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BelowThresholdUnconfirmedReportAfterARefusal_StaysBlockedOnTheRefusal()
    {
        var result = ConsentGate.Evaluate(BelowThreshold(Consent(ConsentStatus.Refused, 3), Consent(ConsentStatus.Given, 1) with { Confirmed = false }));

        Assert.False(result.MayProceed);
        Assert.Equal(ConsentStatus.Refused, result.ConsentStatus);
    }

    [Fact]
    public void Evaluate_BelowThresholdConsentSoughtAwaitingAnswer_IsBlockedUntilGiven()
    {
        var awaiting = ConsentGate.Evaluate(BelowThreshold(Consent(ConsentStatus.Sought, 2)));
        var answered = ConsentGate.Evaluate(BelowThreshold(Consent(ConsentStatus.Sought, 2), Consent(ConsentStatus.Given, 1)));

        Assert.False(awaiting.MayProceed);
        Assert.Equal(ConsentStatus.Sought, awaiting.ConsentStatus);
        Assert.Contains("has not answered yet", awaiting.Reason, StringComparison.Ordinal);
        Assert.True(answered.MayProceed);
    }

    [Fact]
    public void Evaluate_AboveThresholdWithoutJustificationOrNotSoughtReason_IsBlocked()
    {
        var noJustification = BelowThreshold() with { Threshold = SafeguardingThreshold.AboveThreshold, NotSoughtReason = NotSoughtReason.CannotBeGiven };
        var noReason = noJustification with { NotSoughtReason = null, SafeguardingJustification = "Injury to a baby" };

        Assert.False(ConsentGate.Evaluate(noJustification).MayProceed);
        Assert.False(ConsentGate.Evaluate(noReason).MayProceed);
        Assert.True(ConsentGate.Evaluate(noReason with { NotSoughtReason = NotSoughtReason.CannotBeGiven }).MayProceed);
    }
}
