using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Demo;

public sealed class DemoDataTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task EachHub_HasContactsInEveryState_IncludingOverdueOnes()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var byHub = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters()
            .Select(c => new { c.HubId, c.State, c.DecisionDueUtc, c.Reference }).ToListAsync());

        Assert.Equal(2, byHub.Select(c => c.HubId).Distinct().Count());
        foreach (var hub in byHub.GroupBy(c => c.HubId))
        {
            Assert.Equal(Enum.GetValues<ContactState>().ToHashSet(), hub.Select(c => c.State).ToHashSet());
            Assert.Contains(hub, c => c.State != ContactState.Decided && c.DecisionDueUtc < now);
            Assert.Equal(hub.Count(), hub.Select(c => c.Reference).Distinct().Count());
        }
    }

    [Fact]
    public async Task DemoPeople_HaveValidFictionalNhsNumbers_AndTheirCreationIsAudited()
    {
        var numbers = await factory.WithDbAsync(db => db.Persons.IgnoreQueryFilters().Where(p => p.NhsNumber != null).Select(p => p.NhsNumber!).ToListAsync());

        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.True(Identifiers.IsValidNhsNumber(n) && n.StartsWith("999", StringComparison.Ordinal), n));
        var audited = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.Created(nameof(Person)) && e.UserName == "system:seed-demo" && e.Outcome == AuditOutcome.Allowed));
        Assert.Equal(await factory.WithDbAsync(db => db.Persons.IgnoreQueryFilters().CountAsync()), audited);
    }
}
