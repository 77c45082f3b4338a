using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Security;

/// <summary>
/// Every record page, asked by a Stoke-on-Trent user for a Staffordshire record: 404 (never reveal that it exists)
/// and exactly one Refused audit row naming the target, written in that request.
/// </summary>
public sealed class OtherHubRecordPageTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private const string StaffsSchool = "Oakbrook Primary School (demo)";

    public static TheoryData<string, string, string> RecordPages() => new()
    {
        { "stoke.screener", "/Screening/{contact}", "Contact" },
        { "stoke.screener", "/Screening/{contact}/Timeline", "Contact" },
        { "stoke.screener", "/Consent/Record/{contact}", "Contact" },
        { "stoke.screener", "/Consent/Share/{contact}", "Contact" },
        { "stoke.senior", "/Consent/Override/{contact}", "Contact" },
        { "stoke.screener", "/Decisions/Propose/{contact}", "Contact" },
        { "stoke.screener", "/Decisions/Strategy/{contact}", "Contact" },
        { "stoke.screener", "/Contacts/{contact}", "Contact" },
        { "stoke.screener", "/Contacts/New/Done/{contact}", "Contact" },
        { "stoke.screener", "/Contacts/{contact}/Attachments/{new}", "Contact" },
        { "stoke.screener", "/People/{person}", "Person" },
        { "stoke.screener", "/Access/BreakGlass/{person}", "Person" },
        { "stoke.screener", "/Duplicates/Review/{person}/{other-person}", "Person" },
        { "stoke.manager", "/Access/History/{person}", "Person" },
        { "stoke.ig", "/Access/SubjectAccess/{person}", "Person" },
        { "stoke.manager", "/Decisions/{decision}", "ContactDecision" },
        { "stoke.manager", "/Consent/Overrides/{override}", "ConsentOverrideRequest" },
        { "stoke.police", "/Checks/{check}", "MultiAgencyCheck" },
        { "stoke.referrer", "/Referrals/{contact}", "Contact" },
        { "stoke.admin", "/Admin/Users/Edit/{user}", "User" },
        { "stoke.admin", "/Admin/Agencies/Edit/{agency}", "Agency" },
    };

    [Theory]
    [MemberData(nameof(RecordPages))]
    public async Task AnotherHubsRecord_Is404_WithOneRefusedAuditRowNamingIt(string user, string page, string targetType)
    {
        var ids = await StaffordshireIdsAsync();
        var url = ids.Aggregate(page, (u, id) => u.Replace("{" + id.Key + "}", id.Value.ToString(), StringComparison.Ordinal)).Replace("{new}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        var target = ids[page.Split('{', '}')[1]].ToString();
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        var before = await RefusalsAsync(user, target);

        var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var refusals = await RefusalsAsync(user, target);
        var row = Assert.Single(refusals.Skip(before.Count));
        Assert.Equal(targetType, row.TargetType);
        Assert.False(string.IsNullOrEmpty(row.Action));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.UserName == user && e.TargetId == target && e.Outcome == AuditOutcome.Allowed)));
    }

    private Task<List<AuditEntry>> RefusalsAsync(string user, string target) =>
        factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.UserName == user && e.TargetId == target && e.Outcome == AuditOutcome.Refused).OrderBy(e => e.Sequence).ToListAsync());

    /// <summary>One Staffordshire record of each kind from the demo data.</summary>
    private Task<Dictionary<string, Guid>> StaffordshireIdsAsync() => factory.WithDbAsync(async db =>
    {
        var hub = await db.Hubs.Where(h => h.Code == "STAFFS").Select(h => h.Id).SingleAsync();
        var people = await db.Persons.IgnoreQueryFilters().Where(p => p.HubId == hub && p.MergedIntoId == null).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
        return new Dictionary<string, Guid>(StringComparer.Ordinal)
        {
            ["contact"] = await db.Contacts.IgnoreQueryFilters().Where(c => c.HubId == hub).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            ["person"] = people[0],
            ["other-person"] = people[1],
            ["decision"] = await db.Decisions.IgnoreQueryFilters().Where(d => d.HubId == hub).Select(d => d.Id).FirstAsync(),
            ["override"] = await db.ConsentOverrides.IgnoreQueryFilters().Where(o => o.HubId == hub).Select(o => o.Id).FirstAsync(),
            ["check"] = await db.Checks.IgnoreQueryFilters().Where(c => c.HubId == hub).Select(c => c.Id).FirstAsync(),
            ["user"] = await db.Users.Where(u => u.UserName == "staffs.screener").Select(u => u.Id).SingleAsync(),
            ["agency"] = await db.Agencies.Where(a => a.Name == StaffsSchool).Select(a => a.Id).SingleAsync(),
        };
    });
}
