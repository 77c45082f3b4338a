using static OpenMash.Sharing.Tests.Fixture;

namespace OpenMash.Sharing.Tests;

public class CompiledSharingPolicyTests
{
    [Fact]
    public void Decide_WithNoAgreement_DeniesByDefault()
    {
        var decision = Compile().Decide(Request(MidlandsTrust, StaffordshireCsc));

        Assert.Equal(SharingOutcome.Deny, decision.Outcome);
        Assert.Equal(DecisionReason.NoAgreement, decision.Reason);
        Assert.Null(decision.DecidingRule);
    }

    [Fact]
    public void Decide_WhenAllowAndDenyBothApply_DenyWins()
    {
        var allow = Allow(Of(MidlandsTrust), Of(StaffordshireCsc));
        var deny = Deny(Any(AgencyType.Health), Any(AgencyType.ChildrensSocialCare));

        var decision = Compile(allow, deny).Decide(Request(MidlandsTrust, StaffordshireCsc));

        Assert.Equal(SharingOutcome.Deny, decision.Outcome);
        Assert.Equal(DecisionReason.DeniedByAgreement, decision.Reason);
        Assert.Equal(deny.Rule, decision.DecidingRule);
    }

    [Fact]
    public void Decide_TypeAndSpecificRules_TypeAppliesToEveryAgencyOfThatTypeSpecificOnlyToTheNamedAgency()
    {
        var healthToCsc = Allow(Any(AgencyType.Health), Any(AgencyType.ChildrensSocialCare), SharingMode.Existence);
        var trustToCsc = Allow(Of(MidlandsTrust), Of(StaffordshireCsc));
        var policy = Compile(healthToCsc, trustToCsc);

        var named = policy.Decide(Request(MidlandsTrust, StaffordshireCsc));
        var other = policy.Decide(Request(CountyHospital, StaffordshireCsc));
        var police = policy.Decide(Request(StaffordshirePolice, StaffordshireCsc));

        Assert.Equal((SharingOutcome.Content, trustToCsc.Rule), (named.Outcome, named.DecidingRule));
        Assert.Equal((SharingOutcome.ExistenceOnly, healthToCsc.Rule), (other.Outcome, other.DecidingRule));
        Assert.Equal(DecisionReason.NoAgreement, police.Reason);
    }

    [Fact]
    public void Decide_SpecificDeny_RemovesATypeAllowForThatAgencyOnly()
    {
        var healthToCsc = Allow(Any(AgencyType.Health), Any(AgencyType.ChildrensSocialCare));
        var hospitalDenied = Deny(Of(CountyHospital), Any(AgencyType.ChildrensSocialCare));
        var policy = Compile(healthToCsc, hospitalDenied);

        Assert.Equal(SharingOutcome.Content, policy.Decide(Request(MidlandsTrust, StaffordshireCsc)).Outcome);
        Assert.Equal(hospitalDenied.Rule, policy.Decide(Request(CountyHospital, StaffordshireCsc)).DecidingRule);
    }

    [Fact]
    public void Decide_ExistenceOnlyAgreement_PermitsExistenceButNotContent()
    {
        var decision = Compile(Allow(Of(StaffordshirePolice), Of(StaffordshireCsc), SharingMode.Existence))
            .Decide(Request(StaffordshirePolice, StaffordshireCsc));

        Assert.Equal(SharingOutcome.ExistenceOnly, decision.Outcome);
        Assert.True(decision.Permits(SharingMode.Existence));
        Assert.False(decision.Permits(SharingMode.Content));
    }

    [Fact]
    public void Decide_DenyOfContentOnly_LeavesExistenceAndIsTheDecidingRule()
    {
        var allow = Allow(Any(AgencyType.Health), Any(AgencyType.ChildrensSocialCare));
        var denyContent = Deny(Of(MidlandsTrust), Of(StaffordshireCsc), SharingMode.Content);

        var decision = Compile(allow, denyContent).Decide(Request(MidlandsTrust, StaffordshireCsc));

        Assert.Equal(SharingOutcome.ExistenceOnly, decision.Outcome);
        Assert.Equal(DecisionReason.DeniedByAgreement, decision.Reason);
        Assert.Equal(denyContent.Rule, decision.DecidingRule);
    }

    [Fact]
    public void Decide_OutsideValidity_DeniesAndBoundsAreFromInclusiveUntilExclusive()
    {
        var from = Now.AddDays(1);
        var until = Now.AddDays(2);
        var allow = Allow(Of(MidlandsTrust), Of(StaffordshireCsc)) with { ValidFrom = from, ValidUntil = until };
        var policy = Compile(allow);

        Assert.Equal(DecisionReason.NoAgreement, policy.Decide(Request(MidlandsTrust, StaffordshireCsc, at: from.AddTicks(-1))).Reason);
        Assert.Equal(SharingOutcome.Content, policy.Decide(Request(MidlandsTrust, StaffordshireCsc, at: from)).Outcome);
        Assert.Equal(SharingOutcome.Content, policy.Decide(Request(MidlandsTrust, StaffordshireCsc, at: until.AddTicks(-1))).Outcome);
        Assert.Equal(DecisionReason.NoAgreement, policy.Decide(Request(MidlandsTrust, StaffordshireCsc, at: until)).Reason);
        Assert.Equal(from, policy.WindowEnd);
    }

    [Fact]
    public void Decide_HighestVersionOfAnAgreement_SupersedesEarlierVersions()
    {
        var v1 = Allow(Of(MidlandsTrust), Of(StaffordshireCsc));
        var v2 = v1 with { Version = 2, ValidUntil = Now.AddMinutes(-1) };

        var decision = Compile(v1, v2).Decide(Request(MidlandsTrust, StaffordshireCsc));

        Assert.Equal(DecisionReason.NoAgreement, decision.Reason);
    }

    [Fact]
    public void Decide_AgreementWithinOneHub_DoesNotReachTheOtherHub()
    {
        var withinStaffordshire = Allow(Any(AgencyType.Police), Any(AgencyType.ChildrensSocialCare));
        var policy = Compile(withinStaffordshire);

        var sameHub = policy.Decide(Request(StaffordshirePolice, StaffordshireCsc));
        var toStoke = policy.Decide(Request(StaffordshirePolice, StokeCsc, sourceHub: Staffordshire, destinationHub: Stoke));

        Assert.Equal(SharingOutcome.Content, sameHub.Outcome);
        Assert.Equal(DecisionReason.NoAgreement, toStoke.Reason);
    }

    [Fact]
    public void Decide_CrossHubAgreement_AllowsOnlyItsDirection()
    {
        var staffordshireToStoke = Allow(Of(StaffordshireCsc), Of(StokeCsc), SharingMode.Existence) with
        {
            Category = DataCategory.SocialCareHistory,
            DestinationHub = Stoke,
        };
        var policy = Compile(staffordshireToStoke);

        var forward = policy.Decide(Request(StaffordshireCsc, StokeCsc, DataCategory.SocialCareHistory, sourceHub: Staffordshire, destinationHub: Stoke));
        var back = policy.Decide(Request(StokeCsc, StaffordshireCsc, DataCategory.SocialCareHistory, sourceHub: Stoke, destinationHub: Staffordshire));

        Assert.Equal(SharingOutcome.ExistenceOnly, forward.Outcome);
        Assert.Equal(DecisionReason.NoAgreement, back.Reason);
    }

    [Fact]
    public void Decide_UnregisteredAgency_IsDenied()
    {
        var policy = Compile(Allow(Any(AgencyType.Health), Any(AgencyType.ChildrensSocialCare)));

        Assert.Equal(DecisionReason.UnknownAgency, policy.Decide(Request(Unregistered, StaffordshireCsc)).Reason);
    }

    [Fact]
    public void Decide_UnknownCategoryValue_IsDenied()
    {
        var policy = Compile(Allow(Any(AgencyType.Health), Any(AgencyType.ChildrensSocialCare)));

        var decision = policy.Decide(Request(MidlandsTrust, StaffordshireCsc, (DataCategory)999));

        Assert.Equal(DecisionReason.InvalidRequest, decision.Reason);
    }

    [Fact]
    public void Version_IsTheSameForTheSameSetInAnyOrder_AndCarriesTheRevision()
    {
        var a = Allow(Of(MidlandsTrust), Of(StaffordshireCsc));
        var b = Deny(Of(HighSchool), Any(AgencyType.Police));

        var first = CompiledSharingPolicy.Compile(Inputs(5, a, b), Now).Version;
        var reordered = CompiledSharingPolicy.Compile(new SharingPolicyInputs(5, [.. Agencies.Reverse()], [b, a]), Now).Version;
        var changed = CompiledSharingPolicy.Compile(Inputs(6, a, b with { Mode = SharingMode.Content }), Now).Version;

        Assert.Equal(first, reordered);
        Assert.Equal(5, first.Revision);
        Assert.NotEqual(first.Hash, changed.Hash);
        Assert.Equal(first, CompiledSharingPolicy.Compile(Inputs(5, a, b), Now).Decide(Request(MidlandsTrust, StaffordshireCsc)).PolicyVersion);
    }

    [Fact]
    public void Compile_WithMalformedInputs_Throws()
    {
        var duplicateAgency = new SharingPolicyInputs(1, [.. Agencies, Agencies[0]], []);
        var noParty = Allow(Of(MidlandsTrust), default);
        var endsBeforeStart = Allow(Of(MidlandsTrust), Of(StaffordshireCsc)) with { ValidUntil = Now.AddYears(-2) };

        Assert.Throws<PolicyCompilationException>(() => CompiledSharingPolicy.Compile(duplicateAgency, Now));
        Assert.Throws<PolicyCompilationException>(() => Compile(noParty));
        Assert.Throws<PolicyCompilationException>(() => Compile(endsBeforeStart));
    }
}
