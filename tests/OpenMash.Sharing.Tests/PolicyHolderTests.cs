using Microsoft.Extensions.Time.Testing;
using static OpenMash.Sharing.Tests.Fixture;

namespace OpenMash.Sharing.Tests;

public class PolicyHolderTests
{
    private readonly FakeTimeProvider clock = new(Now);

    [Fact]
    public void Decide_BeforeAnythingIsLoaded_FailsClosed()
    {
        using var holder = new PolicyHolder(clock);

        var decision = holder.Decide(Request(MidlandsTrust, StaffordshireCsc));

        Assert.Equal(SharingOutcome.Deny, decision.Outcome);
        Assert.Equal(DecisionReason.PolicyUnavailable, decision.Reason);
        Assert.False(holder.Status.IsAvailable);
    }

    [Fact]
    public async Task Decide_WhenTheLoaderThrows_FailsClosedAndDropsTheOlderPolicy()
    {
        using var holder = new PolicyHolder(clock);
        await holder.RefreshAsync(1, _ => ValueTask.FromResult(Inputs(1, Allow(Any(AgencyType.Health), Any(AgencyType.ChildrensSocialCare)))));

        var status = await holder.RefreshAsync(2, _ => throw new InvalidOperationException("database unreachable"));

        Assert.False(status.IsAvailable);
        Assert.IsType<InvalidOperationException>(status.Failure);
        Assert.Equal(DecisionReason.PolicyUnavailable, holder.Decide(Request(MidlandsTrust, StaffordshireCsc)).Reason);
    }

    [Fact]
    public void Decide_WhenCompileThrows_FailsClosed()
    {
        using var holder = new PolicyHolder(clock);
        var malformed = new SharingPolicyInputs(1, [.. Agencies, Agencies[0]], []);

        var status = holder.Refresh(1, () => malformed);

        Assert.IsType<PolicyCompilationException>(status.Failure);
        Assert.Equal(DecisionReason.PolicyUnavailable, holder.Decide(Request(MidlandsTrust, StaffordshireCsc)).Reason);
    }

    [Fact]
    public async Task Refresh_AfterRevocationElsewhere_AppliesOnTheNextRequest()
    {
        using var instanceA = new PolicyHolder(clock);
        using var instanceB = new PolicyHolder(clock);
        var allow = Allow(Of(MidlandsTrust), Of(StaffordshireCsc));
        var database = Inputs(1, allow);
        ValueTask<SharingPolicyInputs> Load(CancellationToken _) => ValueTask.FromResult(database);
        await instanceA.RefreshAsync(database.Revision, Load);
        await instanceB.RefreshAsync(database.Revision, Load);

        // Instance A revokes: a new version ending now, and the revision row goes up.
        database = Inputs(2, allow, allow with { Version = 2, ValidUntil = Now });
        await instanceB.RefreshAsync(database.Revision, Load);
        var decision = instanceB.Decide(Request(MidlandsTrust, StaffordshireCsc));

        Assert.Equal(DecisionReason.NoAgreement, decision.Reason);
        Assert.Equal(2, decision.PolicyVersion?.Revision);
    }

    [Fact]
    public async Task Refresh_WithTheInstalledRevision_DoesNotReload()
    {
        using var holder = new PolicyHolder(clock);
        var loads = 0;
        ValueTask<SharingPolicyInputs> Load(CancellationToken _)
        {
            Interlocked.Increment(ref loads);
            return ValueTask.FromResult(Inputs(3));
        }

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () => await holder.RefreshAsync(3, Load))));
        await holder.RefreshAsync(3, Load);

        Assert.Equal(1, loads);
    }

    [Fact]
    public void Refresh_WhenTheLoaderReturnsAnOlderRevisionThanObserved_FailsClosed()
    {
        using var holder = new PolicyHolder(clock);
        holder.Refresh(1, () => Inputs(1, Allow(Of(MidlandsTrust), Of(StaffordshireCsc))));

        var status = holder.Refresh(2, () => Inputs(1, Allow(Of(MidlandsTrust), Of(StaffordshireCsc))));

        Assert.False(status.IsAvailable);
        Assert.Equal(DecisionReason.PolicyUnavailable, holder.Decide(Request(MidlandsTrust, StaffordshireCsc)).Reason);
    }

    [Fact]
    public void Install_OfAnOlderRevision_DoesNotReplaceANewerOne()
    {
        using var holder = new PolicyHolder(clock);
        var newer = CompiledSharingPolicy.Compile(Inputs(9), Now);
        var older = CompiledSharingPolicy.Compile(Inputs(8, Allow(Any(AgencyType.Health), Any(AgencyType.ChildrensSocialCare))), Now);

        Assert.True(holder.Install(newer));
        Assert.False(holder.Install(older));
        Assert.Same(newer, holder.Status.Policy);
    }

    [Fact]
    public void Decide_AfterTheWindowEnds_RecompilesForTheNewWindowKeepingTheVersion()
    {
        using var holder = new PolicyHolder(clock);
        var starts = Now.AddHours(1);
        holder.Refresh(4, () => Inputs(4, Allow(Of(MidlandsTrust), Of(StaffordshireCsc)) with { ValidFrom = starts }));
        var first = holder.Status.Policy!;

        var before = holder.Decide(Request(MidlandsTrust, StaffordshireCsc));
        var after = holder.Decide(Request(MidlandsTrust, StaffordshireCsc, at: starts));

        Assert.Equal(DecisionReason.NoAgreement, before.Reason);
        Assert.Equal(SharingOutcome.Content, after.Outcome);
        Assert.NotSame(first, holder.Status.Policy);
        Assert.True(holder.Status.Policy!.Covers(starts));
        Assert.Equal(first.Version, holder.Status.Policy.Version);
    }

    [Fact]
    public async Task Decide_UnderConcurrentSwaps_AlwaysAnswersFromOneWholePolicy()
    {
        using var holder = new PolicyHolder(clock);
        var allowV = Inputs(1, Allow(Of(MidlandsTrust), Of(StaffordshireCsc)));
        holder.Refresh(1, () => allowV);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var swapper = Task.Run(() =>
        {
            for (long revision = 2; !stop.IsCancellationRequested; revision++)
            {
                var inputs = revision % 2 == 0 ? Inputs(revision) : Inputs(revision, Allow(Of(MidlandsTrust), Of(StaffordshireCsc)));
                holder.Refresh(revision, () => inputs);
            }
        });
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var d = holder.Decide(Request(MidlandsTrust, StaffordshireCsc));
                var consistent = d.PolicyVersion!.Revision % 2 == 0
                    ? d.Reason == DecisionReason.NoAgreement
                    : d.Outcome == SharingOutcome.Content;
                Assert.True(consistent, d.Explain());
            }
        }));

        await Task.WhenAll([swapper, .. readers]);
    }
}
