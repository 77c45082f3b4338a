using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Matching;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Duplicates;
using OpenMash.Web.Security;
using OpenMash.Web.Tests.Infrastructure;
using Sex = OpenMash.Web.Domain.People.Sex;

namespace OpenMash.Web.Tests.Features.Duplicates;

/// <summary>
/// Two application instances over one database, each with its own person index and its background reader of the
/// person change feed turned on (every second): what one records, the other's index and duplicate queue follow.
/// </summary>
public sealed class PersonFeedTests : IClassFixture<OpenMashFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly OpenMashFactory _a;
    private OpenMashFactory _b = null!;

    public PersonFeedTests(OpenMashFactory factory)
    {
        _a = factory;
        _a.Settings["Duplicates:FeedEverySeconds"] = "1";
    }

    public Task InitializeAsync()
    {
        _a.Services.GetRequiredService<PersonIndex>();
        _b = OpenMashFactory.SharingDatabaseWith(_a);
        _b.Settings["Duplicates:FeedEverySeconds"] = "1";
        _b.Services.GetRequiredService<PersonIndex>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _b.DisposeAsync();

    [Fact]
    public async Task PersonRecordedAndChangedThroughOneInstance_ReachesTheOtherInstancesIndex_WithinSeconds()
    {
        var hubId = await StaffsHubAsync();
        var id = await RecordAsync(_a, hubId, "Philippa", "Ravensworth", new DateOnly(2017, 6, 9), "ST17 4RW");
        var entry = await LastEntryAsync(id);

        var through = await EventuallyAsync(() => Task.FromResult(_b.Services.GetRequiredService<PersonIndex>().FeedThrough), t => t >= entry);
        Assert.True(through >= entry, $"instance B's background reader reached feed entry {through}, not {entry}");
        Assert.Contains(await FindAsync(_b, hubId, Probe("Philippa", "Ravensworth", new DateOnly(2017, 6, 9), "ST17 4RW")), c => c.Id == id.ToString() && c.Band == MatchBand.Likely);

        await InHubAsync(_a, hubId, async db =>
        {
            var person = await db.Persons.SingleAsync(p => p.Id == id);
            person.GivenNames = "Ottoline";
            person.FamilyName = "Brackenbury";
            return await db.SaveChangesAsync();
        });
        var renamed = await LastEntryAsync(id);
        await EventuallyAsync(() => Task.FromResult(_b.Services.GetRequiredService<PersonIndex>().FeedThrough), t => t >= renamed);

        Assert.Contains(await FindAsync(_b, hubId, Probe("Ottoline", "Brackenbury", new DateOnly(2017, 6, 9), "ST17 4RW")), c => c.Id == id.ToString() && c.Band == MatchBand.Likely);
        Assert.DoesNotContain(await FindAsync(_b, hubId, Probe("Philippa", "Ravensworth", new DateOnly(2017, 6, 9), "ST17 4RW")), c => c.Id == id.ToString() && c.Band == MatchBand.Likely);
    }

    [Fact]
    public async Task NearDuplicateRecordedThroughOneInstance_IsQueuedForTheOther_AndLeavesTheQueueOnMergeAndOnDismissal()
    {
        var hubId = await StaffsHubAsync();
        var first = await RecordAsync(_a, hubId, "Cressida", "Holloway-Pike", new DateOnly(2014, 2, 27), "ST18 0HP");
        var second = await RecordAsync(_a, hubId, "Cresida", "Holloway Pike", new DateOnly(2014, 2, 27), "ST18 0HP");
        var third = await RecordAsync(_a, hubId, "Barnaby", "Quilliam", new DateOnly(2011, 9, 3), "ST19 5BQ");
        var fourth = await RecordAsync(_a, hubId, "Barnabus", "Quilliam", new DateOnly(2011, 9, 3), "ST19 5BQ");
        var last = await LastEntryAsync(fourth);

        // Instance B's background service applies A's entries to the queue, with no page asked.
        var applied = await EventuallyAsync(
            () => _b.WithDbAsync(db => db.DuplicateQueueCursors.AsNoTracking().Select(c => c.FeedThrough).SingleAsync()), t => t >= last);
        Assert.True(applied >= last);
        Assert.True(await _b.WithDbAsync(db => db.DuplicateCandidates.IgnoreQueryFilters().AnyAsync(c => c.PersonA == Order(first, second).A && c.PersonB == Order(first, second).B)));

        var onB = new PageClient(_b.CreateBrowserlessClient());
        await onB.SignInAsDemoAsync("staffs.manager");
        Assert.True(await ListsAsync(onB, first, second));
        Assert.True(await ListsAsync(onB, third, fourth));

        var merged = await onB.PostFormAsync($"/Duplicates/Review/{first}/{second}", [new("Keep", first.ToString()), new("Reason", "Same child: a typo in the first name")], $"/Duplicates/Review/{first}/{second}?handler=Merge");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        var onA = new PageClient(_a.CreateBrowserlessClient());
        await onA.SignInAsDemoAsync("staffs.manager");
        Assert.False(await ListsAsync(onA, first, second));
        Assert.True(await ListsAsync(onA, third, fourth));

        var dismissed = await onA.PostFormAsync($"/Duplicates/Review/{third}/{fourth}", [], $"/Duplicates/Review/{third}/{fourth}?handler=Dismiss");
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.False(await ListsAsync(onB, third, fourth));

        // Changing a dismissed pair's person compares them again, and the dismissal still holds.
        await InHubAsync(_b, hubId, async db =>
        {
            (await db.Persons.SingleAsync(p => p.Id == fourth)).GivenNames = "Barnaby";
            return await db.SaveChangesAsync();
        });
        Assert.False(await ListsAsync(onA, third, fourth));
        Assert.False(await _a.WithDbAsync(db => db.DuplicateCandidates.IgnoreQueryFilters().AnyAsync(c => c.PersonA == Order(third, fourth).A && c.PersonB == Order(third, fourth).B)));
    }

    [Fact]
    public async Task FeedEntryCommittedAfterAHigherOne_IsStillApplied_ByAnInstanceThatReadPastIt()
    {
        var hubId = await StaffsHubAsync();
        var late = await RecordAsync(_a, hubId, "Euphemia", "Standish", new DateOnly(2013, 4, 30), "ST20 7ES");
        var early = await RecordAsync(_a, hubId, "Lysander", "Culpepper", new DateOnly(2012, 8, 14), "ST20 7LC");
        var indexOfB = _b.Services.GetRequiredService<PersonIndex>();
        await FindAsync(_b, hubId, Probe("Euphemia", "Standish", new DateOnly(2013, 4, 30), "ST20 7ES"));

        // The late change: the person renamed and its feed entry, by a transaction that takes its id first and
        // commits after a higher id was read (on SQLite, where writers queue, the entry is given the lower id itself).
        long lateId;
        if (_a.Provider == DatabaseProvider.Postgres)
        {
            await using var scope = _a.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await RenameRawAsync(db, late, hubId, explicitId: null);
            lateId = await db.Database.SqlQuery<long>($"SELECT max(\"Id\") AS \"Value\" FROM \"PersonChanges\"").SingleAsync();

            await InHubAsync(_a, hubId, async other =>
            {
                (await other.Persons.SingleAsync(p => p.Id == early)).FamilyName = "Culpeper";
                return await other.SaveChangesAsync();
            });
            await FindAsync(_b, hubId, Probe("Lysander", "Culpeper", new DateOnly(2012, 8, 14), "ST20 7LC"));
            Assert.True(indexOfB.FeedThrough > lateId, "instance B read past the entry still uncommitted");
            Assert.DoesNotContain(await FindAsync(_b, hubId, Probe("Marguerite", "Fairweather", new DateOnly(2013, 4, 30), "ST20 7ES")), c => c.Id == late.ToString());
            await transaction.CommitAsync();
        }
        else
        {
            var highest = await _a.WithDbAsync(db => db.PersonChanges.IgnoreQueryFilters().MaxAsync(c => c.Id));
            await _a.WithDbAsync(db => db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"PersonChanges\" (\"Id\", \"HubId\", \"PersonId\", \"RecordedAtUtc\") VALUES ({highest + 3}, {hubId}, {early}, {DateTime.UtcNow})"));
            await FindAsync(_b, hubId, Probe("Lysander", "Culpepper", new DateOnly(2012, 8, 14), "ST20 7LC"));
            lateId = highest + 1;
            Assert.True(indexOfB.FeedThrough > lateId, "instance B read past the id not yet written");
            await _a.WithDbAsync(db => RenameRawAsync(db, late, hubId, explicitId: lateId));
        }

        Assert.True(await _a.WithDbAsync(db => db.PersonChanges.IgnoreQueryFilters().AnyAsync(c => c.Id == lateId && c.PersonId == late)));
        var found = await FindAsync(_b, hubId, Probe("Marguerite", "Fairweather", new DateOnly(2013, 4, 30), "ST20 7ES"));
        Assert.Contains(found, c => c.Id == late.ToString() && c.Band == MatchBand.Likely);
    }

    [Fact]
    public void FeedCursor_WhenAnIdIsSkippedOver_ReadsItAgainUntilItAppearsOrExpires()
    {
        var start = new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);
        var life = TimeSpan.FromMinutes(5);
        var cursor = new FeedCursor(10);

        cursor.Advance([11, 14], start, life);
        Assert.Equal(14, cursor.Through);
        Assert.Equal([12, 13], cursor.Gaps.Order());

        cursor.Advance([12, 15], start.AddMinutes(1), life);
        Assert.Equal(15, cursor.Through);
        Assert.Equal([13], cursor.Gaps);

        var saved = FeedCursor.FromJson(cursor.Through, cursor.GapsToJson());
        Assert.Equal([13], saved.Gaps);
        Assert.True(saved.ExpireGaps(start.AddMinutes(6), life));
        Assert.Empty(saved.Gaps);

        var started = FeedCursor.StartingAt(100, [97, 99, 100], lookBack: 5, start);
        Assert.Equal(100, started.Through);
        Assert.Equal([96, 98], started.Gaps.Order());
    }

    private static (Guid A, Guid B) Order(Guid x, Guid y) => NotDuplicate.Order(x, y);

    private static MatchRecord Probe(string given, string family, DateOnly dob, string postcode) => new("probe")
    {
        GivenNames = given,
        FamilyName = family,
        DateOfBirth = PartialDate.FromDate(dob),
        Sex = OpenMash.Matching.Sex.Female,
        Postcode = postcode,
    };

    private static Task<int> RenameRawAsync(OpenMashDbContext db, Guid person, Guid hubId, long? explicitId) =>
        explicitId is { } id
            ? db.Database.ExecuteSqlAsync(
                $"UPDATE \"Persons\" SET \"GivenNames\" = 'Marguerite', \"FamilyName\" = 'Fairweather' WHERE \"Id\" = {person}; INSERT INTO \"PersonChanges\" (\"Id\", \"HubId\", \"PersonId\", \"RecordedAtUtc\") VALUES ({id}, {hubId}, {person}, {DateTime.UtcNow})")
            : db.Database.ExecuteSqlAsync(
                $"UPDATE \"Persons\" SET \"GivenNames\" = 'Marguerite', \"FamilyName\" = 'Fairweather' WHERE \"Id\" = {person}; INSERT INTO \"PersonChanges\" (\"HubId\", \"PersonId\", \"RecordedAtUtc\") VALUES ({hubId}, {person}, {DateTime.UtcNow})");

    private static async Task<bool> ListsAsync(PageClient client, Guid x, Guid y)
    {
        var (response, page) = await client.GetPageAsync("/Duplicates");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (a, b) = NotDuplicate.Order(x, y);
        return page.QuerySelectorAll("[data-testid=duplicate-pairs] a")
            .Any(l => l.GetAttribute("href") is { } href && (href == $"/Duplicates/Review/{a}/{b}" || href == $"/Duplicates/Review/{b}/{a}"));
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value) || watch.Elapsed > Patience)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }

    private Task<Guid> StaffsHubAsync() => _a.WithDbAsync(db => db.Hubs.Where(h => h.Code == "STAFFS").Select(h => h.Id).SingleAsync());

    private Task<long> LastEntryAsync(Guid person) => _a.WithDbAsync(db => db.PersonChanges.IgnoreQueryFilters().Where(c => c.PersonId == person).MaxAsync(c => c.Id));

    private static async Task<IReadOnlyList<MatchCandidate>> FindAsync(OpenMashFactory app, Guid hubId, MatchRecord probe) =>
        await InHubAsync(app, hubId, db => app.Services.GetRequiredService<PersonIndex>().FindInHubAsync(db, hubId, probe));

    private static async Task<T> InHubAsync<T>(OpenMashFactory app, Guid hubId, Func<OpenMashDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(new Actor(null, "test", null, hubId, null));
        return await work(scope.ServiceProvider.GetRequiredService<OpenMashDbContext>());
    }

    private static Task<Guid> RecordAsync(OpenMashFactory app, Guid hubId, string given, string family, DateOnly dob, string postcode) => InHubAsync(app, hubId, async db =>
    {
        var id = Guid.NewGuid();
        db.Persons.Add(new Person
        {
            Id = id,
            HubId = hubId,
            GivenNames = given,
            FamilyName = family,
            DateOfBirth = dob,
            Sex = Sex.F,
            CreatedAtUtc = DateTime.UtcNow,
            Addresses = [new PersonAddress { Id = Guid.NewGuid(), HubId = hubId, PersonId = id, Line1 = "1 Test Row", Town = "Stafford", Postcode = postcode }],
        });
        await db.SaveChangesAsync();
        return id;
    });
}
