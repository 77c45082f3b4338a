using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Data;
using OpenMash.Web.Demo;
using OpenMash.Web.Features.Access;
using OpenMash.Web.Features.Admin;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Features.Consent;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.Decisions;
using OpenMash.Web.Features.Duplicates;
using OpenMash.Web.Features.People;
using OpenMash.Web.Security.Guards;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Security;

/// <summary>
/// Every page that acts on a record (found from the compiled application's record guards, so a new page is covered
/// without being listed here), asked for Staffordshire records by every demo user: Stoke-on-Trent's users by GET and
/// by every POST handler, Staffordshire's by GET. Another hub's user never gets anything but 403 or 404, and every
/// 403 or 404 leaves a Refused audit row by that user in that request which names the child the record is about, so
/// the refusal shows in the child's access history.
/// </summary>
public sealed partial class RefusalMatrixTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    public static TheoryData<string> DemoUsers() => [.. DemoSeeder.Accounts.Select(a => a.UserName)];

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task EveryRecordPage_WithStaffordshireIds_AuditsEveryRefusalNamingTheChild(string user)
    {
        var otherHub = DemoSeeder.Accounts.Single(a => a.UserName == user).Hub != "STAFFS";
        var records = await StaffordshireRecordsAsync();
        var requests = await RequestsAsync(records, withPosts: otherHub);
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        var token = await AntiforgeryTokenAsync(client);
        var problems = new List<string>();
        var refusals = 0;

        foreach (var request in requests)
        {
            var before = await LastSequenceAsync();
            var response = request.Method == HttpMethods.Get
                ? await client.Http.GetAsync(new Uri(request.Url, UriKind.Relative))
                : await client.Http.PostAsync(new Uri(request.Url, UriKind.Relative), new FormUrlEncodedContent(request.Form.Append(new("__RequestVerificationToken", token))));
            var status = response.StatusCode;
            var what = $"{request.Method} {request.Url} as {user} answered {(int)status}";
            if (status is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
            {
                if (otherHub)
                {
                    problems.Add($"{what}: another hub's record must be refused");
                }

                continue;
            }

            refusals++;
            var rows = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > before && e.UserName == user && e.Outcome == AuditOutcome.Refused).ToListAsync());
            if (rows.Count == 0)
            {
                problems.Add($"{what} with no Refused audit row");
            }
            else if (request.Child is { } child && !rows.Any(r => r.Subjects?.Contains(child.ToString(), StringComparison.Ordinal) == true))
            {
                problems.Add($"{what}: the refusal row does not name the child {child}, so the child's access history misses it");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        if (otherHub)
        {
            Assert.Equal(requests.Count, refusals);
        }
    }

    [Fact]
    public async Task AccessHistory_AfterAnotherHubsScreenerIsRefusedAContact_ShowsTheRefusal()
    {
        var records = await StaffordshireRecordsAsync();
        var (contact, child) = records[typeof(ContactLoader)];
        var stoke = new PageClient(factory.CreateBrowserlessClient());
        await stoke.SignInAsDemoAsync("stoke.manager");
        Assert.Equal(HttpStatusCode.NotFound, (await stoke.Http.GetAsync(new Uri($"/Screening/{contact}", UriKind.Relative))).StatusCode);

        var manager = new PageClient(factory.CreateBrowserlessClient());
        await manager.SignInAsDemoAsync("staffs.manager");
        var (response, page) = await manager.GetPageAsync($"/Access/History/{child}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = page.QuerySelectorAll("tbody tr").FirstOrDefault(r => r.TextContent.Contains("stoke.manager", StringComparison.Ordinal));
        Assert.NotNull(row);
        Assert.Contains("Refused", row.TextContent, StringComparison.Ordinal);
    }

    private sealed record MatrixRequest(string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Form, Guid? Child);

    /// <summary>One GET per record page, and (when asked) one POST per POST handler of every guarded page.</summary>
    private async Task<List<MatrixRequest>> RequestsAsync(Dictionary<Type, (Guid Id, Guid? Child)> records, bool withPosts)
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var requests = new List<MatrixRequest>();
        foreach (var descriptor in factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>())
        {
            var page = await loader.LoadAsync(descriptor, EndpointMetadataCollection.Empty);
            var guards = page.FilterDescriptors.Select(f => f.Filter).OfType<RecordGuardFactory>().ToList();
            if (guards.Count == 0)
            {
                continue;
            }

            Guid? child = null;
            var template = page.AttributeRouteInfo?.Template ?? throw new InvalidOperationException($"{page.ViewEnginePath} has no route");
            var url = "/" + RouteParameter().Replace(template, m =>
            {
                var guard = guards.FirstOrDefault(g => g.Source == RecordIdSource.Route && string.Equals(g.RouteKey, m.Groups["name"].Value, StringComparison.OrdinalIgnoreCase));
                if (guard is null)
                {
                    return m.Groups["optional"].Success ? string.Empty : throw new InvalidOperationException($"{template}: no record for '{m.Groups["name"].Value}'");
                }

                var record = RecordOf(records, guard.LoaderType, page.ViewEnginePath, guard.RouteKey);
                child ??= record.Child;
                return record.Id.ToString();
            }).TrimEnd('/');
            var form = new List<KeyValuePair<string, string>>();
            foreach (var guard in guards.Where(g => g.Source == RecordIdSource.Form))
            {
                var record = RecordOf(records, guard.LoaderType, page.ViewEnginePath);
                child ??= record.Child;
                form.Add(new(guard.RouteKey, record.Id.ToString()));
            }

            if (guards.Any(g => g.Source == RecordIdSource.Route))
            {
                requests.Add(new(HttpMethods.Get, url, [], child));
            }

            if (withPosts)
            {
                foreach (var handler in page.HandlerMethods.Where(h => h.HttpMethod == "POST"))
                {
                    var action = handler.Name is null ? url : $"{url}?handler={handler.Name}";
                    requests.Add(new(HttpMethods.Post, action, form, child));
                }
            }
        }

        Assert.True(requests.Count >= 20, $"only {requests.Count} requests: the page scan looks broken");
        return requests;
    }

    /// <summary>The record for a guard; a page comparing two people ({a} and {b}) gets two different ones.</summary>
    private static (Guid Id, Guid? Child) RecordOf(Dictionary<Type, (Guid Id, Guid? Child)> records, Type loader, string page, string? routeKey = null) =>
        routeKey == "b" && loader == typeof(LivePersonLoader) ? records[typeof(PersonLoader)]
        : records.TryGetValue(loader, out var record)
            ? record
            : throw new InvalidOperationException($"{page} is guarded by {loader.Name}: give the refusal matrix a Staffordshire record of that kind");

    /// <summary>A Staffordshire record for every loader, with the child it names (none for users, agencies, clients).</summary>
    private Task<Dictionary<Type, (Guid Id, Guid? Child)>> StaffordshireRecordsAsync() => factory.WithDbAsync(async db =>
    {
        var hub = await db.Hubs.Where(h => h.Code == "STAFFS").Select(h => h.Id).SingleAsync();
        var subjects = db.ContactSubjects.IgnoreQueryFilters();
        var contact = await db.Contacts.IgnoreQueryFilters().Where(c => c.HubId == hub && c.Subjects.Any()).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var people = await db.Persons.IgnoreQueryFilters().Where(p => p.HubId == hub && p.MergedIntoId == null).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
        var check = await db.Checks.IgnoreQueryFilters().Where(c => c.HubId == hub).Select(c => new { c.Id, c.ContactId }).FirstAsync();
        var decision = await db.Decisions.IgnoreQueryFilters().Where(d => d.HubId == hub).Select(d => new { d.Id, d.ContactId }).FirstAsync();
        var message = await db.Outbox.IgnoreQueryFilters().Where(o => o.HubId == hub && o.ContactId != null).OrderBy(o => o.Id).Select(o => new { o.Id, ContactId = o.ContactId ?? Guid.Empty }).FirstAsync();
        var request = await db.ConsentOverrides.IgnoreQueryFilters().Where(o => o.HubId == hub).Select(o => new { o.Id, o.ContactId }).FirstAsync();
        var closureDay = await db.ClosureDays.IgnoreQueryFilters().Where(d => d.HubId == hub).Select(d => (Guid?)d.Id).FirstOrDefaultAsync()
            ?? await AddClosureDayAsync(db, hub);
        async Task<Guid> ChildOf(Guid contactId) => await subjects.Where(s => s.ContactId == contactId).OrderBy(s => s.PersonId).Select(s => s.PersonId).FirstAsync();

        return new Dictionary<Type, (Guid, Guid?)>
        {
            [typeof(ContactLoader)] = (contact, await ChildOf(contact)),
            [typeof(AttachmentLoader)] = (Guid.NewGuid(), null),
            [typeof(PersonLoader)] = (people[0], people[0]),
            [typeof(LivePersonLoader)] = (people[1], people[1]),
            [typeof(CheckLoader)] = (check.Id, await ChildOf(check.ContactId)),
            [typeof(DecisionLoader)] = (decision.Id, await ChildOf(decision.ContactId)),
            [typeof(OverrideLoader)] = (request.Id, await ChildOf(request.ContactId)),
            [typeof(HubUserLoader)] = (await db.Users.Where(u => u.UserName == "staffs.screener").Select(u => u.Id).SingleAsync(), null),
            [typeof(HubAgencyLoader)] = (await db.Agencies.Where(a => a.Name == "Oakbrook Primary School (demo)").Select(a => a.Id).SingleAsync(), null),
            [typeof(HubApiClientLoader)] = (await db.ApiClients.Where(c => c.HubId == hub).Select(c => c.Id).FirstAsync(), null),
            [typeof(MergeLoader)] = (Guid.NewGuid(), null),
            [typeof(PossibleRecordLoader)] = (Guid.NewGuid(), null),
            [typeof(ReviewableGrantLoader)] = (Guid.NewGuid(), null),
            [typeof(LiveGrantLoader)] = (Guid.NewGuid(), null),
            [typeof(AgreementLoader)] = (await db.DataSharingAgreements.Where(a => a.SourceHubId == hub && a.DestinationHubId == hub).Select(a => a.Id).FirstAsync(), null),
            [typeof(RoleGrantLoader)] = (Guid.NewGuid(), null),
            [typeof(GrantedContactLoader)] = (contact, await ChildOf(contact)),
            [typeof(OutboxMessageLoader)] = (message.Id, await ChildOf(message.ContactId)),
            [typeof(ClosureDayLoader)] = (closureDay, null),
        };
    });

    /// <summary>The demo has no closure days: one for Staffordshire, far enough ahead not to move any demo clock.</summary>
    private static async Task<Guid> AddClosureDayAsync(OpenMashDbContext db, Guid hub)
    {
        var day = new HubClosureDay { Id = Guid.NewGuid(), HubId = hub, Date = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(3), Reason = "Refusal matrix closure day (demo)" };
        db.ClosureDays.Add(day);
        await db.SaveChangesAsync();
        return day.Id;
    }

    private Task<long> LastSequenceAsync() => factory.WithDbAsync(db => db.AuditEntries.MaxAsync(e => e.Sequence));

    private static async Task<string> AntiforgeryTokenAsync(PageClient client)
    {
        var (_, page) = await client.GetPageAsync("/");
        return page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("the home page has no antiforgery token (the sign-out form carries one)");
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}?]*)?(?<optional>\?)?\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteParameter();
}
