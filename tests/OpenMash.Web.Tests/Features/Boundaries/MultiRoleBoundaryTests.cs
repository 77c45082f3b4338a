using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Security;
using OpenMash.Web.Tests.Features.Screening;
using OpenMash.Web.Tests.Infrastructure;
using static OpenMash.Web.Tests.Features.Boundaries.BoundaryData;
using ItemRestrictions = OpenMash.Sharing.ItemRestrictions;

namespace OpenMash.Web.Tests.Features.Boundaries;

/// <summary>
/// A user with two roles sees items as the page they are on, not as their most trusted role: the task group page
/// as a partner practitioner, the referral page as a referrer.
/// </summary>
public sealed class MultiRoleBoundaryTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private async Task AddUserAsync(string userName, string agency, params string[] roles)
    {
        await FrontDoorData.AddDemoUserAsync(factory, userName, roles[0], "STAFFS", agency);
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("test"));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName);
        foreach (var role in roles.Skip(1))
        {
            if (!await users.IsInRoleAsync(user!, role))
            {
                Assert.True((await users.AddToRoleAsync(user!, role)).Succeeded);
            }
        }
    }

    [Fact]
    public async Task MashManagerInTheTaskGroup_DoesNotSeeAnItemKeptFromOnwardSharing_OnTheTaskGroupPage()
    {
        await AddUserAsync("staffs.manager-cetg", Police, Roles.ExploitationTaskGroup, Roles.MashManager);
        var contactId = await ContactWithAnswersAsync(factory, "STAFFS", "Tilly", ConcernCategory.ChildSexualExploitation, new ContactSource(),
            new AnswerData(Police, "Police STAFFS: seen in a car with adults (fictional).", true,
                ("Police item: car seen twice (fictional)", ItemRestrictions.None),
                ("Police item: covert source detail (fictional)", ItemRestrictions.NoOnwardSharing)));
        var member = await SignInAsync(factory, "staffs.manager-cetg");

        var (response, page) = await member.GetPageAsync("/TaskGroup");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var police = page.QuerySelector($"[data-testid=taskgroup-record][data-contact='{contactId}'] [data-testid=taskgroup-partner][data-agency='{Police}']")!;
        Assert.Contains("car seen twice", police.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("covert source detail", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 item withheld by the supplying agency's restriction", police.QuerySelector("[data-testid=withheld]")!.TextContent.Trim());
    }

    [Fact]
    public async Task ResearcherWhoIsAlsoAReferrer_DoesNotSeeAnItemNotForReferrers_OnTheirReferralPage()
    {
        await AddUserAsync("staffs.referrer-researcher", StaffsSchool, Roles.Referrer, Roles.AgencyResearcher);
        var referrerId = await FrontDoorData.UserIdAsync(factory, "staffs.referrer-researcher");
        var contactId = await ContactWithAnswersAsync(factory, "STAFFS", "Rhian", ConcernCategory.Neglect, new ContactSource(ReferrerUserId: referrerId),
            new AnswerData(Police, "Police: domestic incident at home at the weekend (fictional).", true,
                ("Police item: officers attended on Saturday (fictional)", ItemRestrictions.None),
                ("Police item: the caller's name (fictional)", ItemRestrictions.NotForReferrer)));
        var user = await SignInAsync(factory, "staffs.referrer-researcher");

        var (response, page) = await user.GetPageAsync($"/Referrals/{contactId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var police = page.QuerySelector($"[data-testid=partner-answer][data-agency='{Police}']")!;
        Assert.Equal(["Police item: officers attended on Saturday (fictional)"], police.QuerySelectorAll("[data-testid=item]").Select(i => i.TextContent.Trim()).ToList());
        Assert.DoesNotContain("the caller's name", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 item withheld by the supplying agency's restriction", police.QuerySelector("[data-testid=withheld]")!.TextContent.Trim());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ViewReferral && e.UserName == "staffs.referrer-researcher" && e.TargetId == contactId.ToString())));
    }
}
