using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Matching;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.Duplicates;
using OpenMash.Web.Security;
using OpenMash.Web.Tests.Infrastructure;
using Sex = OpenMash.Web.Domain.People.Sex;

namespace OpenMash.Web.Tests.Features.Duplicates;

public sealed class DuplicateTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task AMisspelledChildWithSwappedDayAndMonth_IsOfferedAsALikelyMatch_WithItsExplanation()
    {
        var hubId = await StaffsHubAsync();
        var original = await CreateChildAsync(hubId, "Isabella", "Wrightson-Okafor", new DateOnly(2016, 3, 11), "ST16 2QQ", nhs: null);

        var candidates = await WithHubAsync(hubId, (db, sp) => sp.GetRequiredService<PersonIndex>().FindAsync(db, new MatchRecord("probe")
        {
            GivenNames = "Isabela",
            FamilyName = "Wrightson Okafor",
            DateOfBirth = new PartialDate(2016, 11, 3),
            Sex = OpenMash.Matching.Sex.Female,
            Postcode = "ST16 2QQ",
        }));

        var top = Assert.Single(candidates, c => c.Id == original.ToString());
        Assert.Equal(MatchBand.Likely, top.Band);
        Assert.Contains(top.Evidence, e => e.Field.Contains("birth", StringComparison.OrdinalIgnoreCase) && e.Weight > 0);
        Assert.Equal(top.Score, top.Evidence.Sum(e => e.Weight), 6);
    }

    [Fact]
    public async Task DuplicateQueue_ListsAPairAndExplainsIt_AndTheViewIsAudited()
    {
        var hubId = await StaffsHubAsync();
        var a = await CreateChildAsync(hubId, "Rosalind", "Quennell", new DateOnly(2015, 7, 21), "ST16 9XY", nhs: null);
        var b = await CreateChildAsync(hubId, "Rosalyn", "Quennel", new DateOnly(2015, 7, 21), "ST16 9XY", nhs: null);
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync("staffs.screener");

        var (_, queue) = await client.GetPageAsync("/Duplicates");
        var link = queue.QuerySelectorAll("[data-testid=duplicate-pairs] a").Select(x => x.GetAttribute("href")).Single(h => h!.Contains(a.ToString(), StringComparison.Ordinal) && h.Contains(b.ToString(), StringComparison.Ordinal));
        var (review, page) = await client.GetPageAsync(link!);

        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=match-evidence] tbody tr"));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ViewDuplicateQueue && e.UserName == "staffs.screener" && e.Subjects!.Contains(a.ToString()))));
    }

    [Fact]
    public async Task DuplicatePair_OnTheListAndItsReviewPage_ShowsOneProbabilityAndTheLabelFromIt()
    {
        var hubId = await StaffsHubAsync();
        var a = await CreateChildAsync(hubId, "Marguerite", "Ellingham", new DateOnly(2014, 2, 9), "ST16 7QP", nhs: null);
        var b = await CreateChildAsync(hubId, "Margaret", "Elingham", new DateOnly(2014, 9, 2), "ST16 7QP", nhs: null);
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync("staffs.screener");

        var (_, queue) = await client.GetPageAsync("/Duplicates");
        var row = queue.QuerySelectorAll("[data-testid=duplicate-pairs] tbody tr")
            .Single(r => r.InnerHtml.Contains(a.ToString(), StringComparison.Ordinal) && r.InnerHtml.Contains(b.ToString(), StringComparison.Ordinal));
        var (_, review) = await client.GetPageAsync(row.QuerySelector("a")!.GetAttribute("href")!);

        var listed = row.QuerySelector("[data-testid=pair-probability]")!.TextContent.Trim();
        Assert.Matches(@"^\d{1,3}%$", listed);
        Assert.Equal(listed, review.QuerySelector("[data-testid=match-probability]")!.TextContent.Trim());
        Assert.Equal(row.QuerySelector(".govuk-tag")!.TextContent.Trim(), review.QuerySelector("[data-testid=match-band]")!.TextContent.Trim());
        Assert.DoesNotContain("GivenName", review.QuerySelector("[data-testid=match-evidence]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergeThenUnmerge_OfTwoChildren_RestoresBothAsTheyWere()
    {
        var hubId = await StaffsHubAsync();
        var keep = await CreateChildAsync(hubId, "Tobias", "Farnaby", new DateOnly(2012, 1, 5), "ST16 1AA", nhs: null);
        var dup = await CreateChildAsync(hubId, "Toby", "Farnaby", new DateOnly(2012, 1, 5), "ST16 1AB", nhs: null);
        var before = await SnapshotAsync(keep, dup);

        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync("staffs.manager");
        var merged = await client.PostFormAsync($"/Duplicates/Review/{keep}/{dup}", [new("Keep", keep.ToString()), new("Reason", "Same child: nickname and a typo in the postcode")], $"/Duplicates/Review/{keep}/{dup}?handler=Merge");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);

        var during = await factory.WithDbAsync(async db => new
        {
            Merged = await db.Persons.IgnoreQueryFilters().Where(p => p.Id == dup).Select(p => p.MergedIntoId).SingleAsync(),
            KeepContacts = await db.ContactSubjects.IgnoreQueryFilters().CountAsync(s => s.PersonId == keep),
            DupContacts = await db.ContactSubjects.IgnoreQueryFilters().CountAsync(s => s.PersonId == dup),
            KeepAddresses = await db.PersonAddresses.IgnoreQueryFilters().CountAsync(a => a.PersonId == keep),
        });
        Assert.Equal(keep, during.Merged);
        Assert.Equal(2, during.KeepContacts);
        Assert.Equal(0, during.DupContacts);
        Assert.Equal(2, during.KeepAddresses);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.MergePerson && e.UserName == "staffs.manager" && e.Subjects!.Contains(dup.ToString()))));

        var mergeId = await factory.WithDbAsync(db => db.PersonMerges.IgnoreQueryFilters().Where(m => m.MergedId == dup).Select(m => m.Id).SingleAsync());
        var undone = await client.PostFormAsync("/Duplicates/Merges", [new("MergeId", mergeId.ToString())], "/Duplicates/Merges?handler=Unmerge");
        Assert.Equal(HttpStatusCode.OK, undone.StatusCode);

        Assert.Equal(before, await SnapshotAsync(keep, dup));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.UnmergePerson && e.Subjects!.Contains(keep.ToString()))));
    }

    [Fact]
    public async Task PersonIndex_AfterPersonsChange_FindsThemAsTheyAreNow()
    {
        var hubId = await StaffsHubAsync();
        var probe = new MatchRecord("probe") { GivenNames = "Wilhelmina", FamilyName = "Zabrowski", DateOfBirth = new PartialDate(2019, 2, 14), Sex = OpenMash.Matching.Sex.Female, Postcode = "ST16 4PL" };
        await WithHubAsync(hubId, (db, sp) => sp.GetRequiredService<PersonIndex>().FindAsync(db, probe));

        var id = await CreateChildAsync(hubId, "Wilhelmina", "Zabrowski", new DateOnly(2019, 2, 14), "ST16 4PL", nhs: null);
        var found = await WithHubAsync(hubId, (db, sp) => sp.GetRequiredService<PersonIndex>().FindAsync(db, probe));
        Assert.Contains(found, c => c.Id == id.ToString());

        await WithHubAsync(hubId, async (db, _) =>
        {
            var person = await db.Persons.SingleAsync(p => p.Id == id);
            person.FamilyName = "Quartermaine";
            person.GivenNames = "Beatrix";
            return await db.SaveChangesAsync();
        });
        var after = await WithHubAsync(hubId, (db, sp) => sp.GetRequiredService<PersonIndex>().FindAsync(db, probe));
        Assert.DoesNotContain(after, c => c.Id == id.ToString() && c.Band == MatchBand.Likely);
    }

    [Fact]
    public async Task DuplicatePages_ForResearchersReferrersAndAdministrators_AreRefused()
    {
        foreach (var user in new[] { "staffs.police", "staffs.referrer", "staffs.admin" })
        {
            var client = new PageClient(factory.CreateBrowserlessClient());
            await client.SignInAsDemoAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync(new Uri("/Duplicates", UriKind.Relative))).StatusCode);
        }
    }

    private Task<Guid> StaffsHubAsync() => factory.WithDbAsync(db => db.Hubs.Where(h => h.Code == "STAFFS").Select(h => h.Id).SingleAsync());

    private async Task<T> WithHubAsync<T>(Guid hubId, Func<OpenMashDbContext, IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(new Actor(null, "test", null, hubId, null));
        return await work(scope.ServiceProvider.GetRequiredService<OpenMashDbContext>(), scope.ServiceProvider);
    }

    /// <summary>A child with a contact, a parent relationship and an address, as intake would create them.</summary>
    private Task<Guid> CreateChildAsync(Guid hubId, string given, string family, DateOnly dob, string postcode, string? nhs) => WithHubAsync(hubId, async (db, sp) =>
    {
        var contacts = sp.GetRequiredService<ContactService>();
        var (contact, errors) = await contacts.CreateAsync(new NewContact
        {
            Channel = ContactChannel.Phone,
            ReferrerName = "Test Referrer",
            ReferrerPhone = "01234 000000",
            ConcernCategories = [ConcernCategory.Neglect],
            WhatHappened = "Test concern.",
            FamilyAware = true,
            FamilyConsented = true,
            ReferrerSpokenTo = true,
            ReferralSource = ReferralSource.Schools,
            People =
            [
                new NewPerson(SubjectRole.Child, GivenNames: given, FamilyName: family, DateOfBirth: dob, Sex: Sex.F, NhsNumber: nhs, Postcode: postcode, AddressLine1: "1 Test Row"),
                new NewPerson(SubjectRole.HouseholdMember, GivenNames: "Parent", FamilyName: family, DateOfBirth: dob.AddYears(-30)),
            ],
        }, new ContactSource());
        Assert.Empty(errors);
        var child = contact!.Subjects.Single(s => s.Role == SubjectRole.Child).PersonId;
        var parent = contact.Subjects.Single(s => s.Role == SubjectRole.HouseholdMember).PersonId;
        db.PersonRelationships.Add(new PersonRelationship { Id = Guid.NewGuid(), HubId = hubId, PersonId = child, RelatedPersonId = parent, Type = RelationshipType.ParentCarer });
        await db.SaveChangesAsync();
        return child;
    });

    private Task<string> SnapshotAsync(Guid a, Guid b) => factory.WithDbAsync(async db =>
    {
        var ids = new[] { a, b };
        var persons = await db.Persons.IgnoreQueryFilters().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id)
            .Select(p => $"{p.Id}|{p.GivenNames}|{p.FamilyName}|{p.DateOfBirth}|{p.MergedIntoId}").ToListAsync();
        var subjects = await db.ContactSubjects.IgnoreQueryFilters().Where(s => ids.Contains(s.PersonId)).OrderBy(s => s.ContactId).ThenBy(s => s.PersonId)
            .Select(s => $"{s.ContactId}|{s.PersonId}|{s.Role}").ToListAsync();
        var links = await db.PersonRelationships.IgnoreQueryFilters().Where(r => ids.Contains(r.PersonId) || ids.Contains(r.RelatedPersonId)).OrderBy(r => r.Id)
            .Select(r => $"{r.Id}|{r.PersonId}|{r.RelatedPersonId}|{r.Type}").ToListAsync();
        var addresses = await db.PersonAddresses.IgnoreQueryFilters().Where(x => ids.Contains(x.PersonId)).OrderBy(x => x.Id)
            .Select(x => $"{x.Id}|{x.PersonId}|{x.Postcode}").ToListAsync();
        return string.Join("\n", persons.Concat(subjects).Concat(links).Concat(addresses));
    });
}
