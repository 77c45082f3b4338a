using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.BrowserTests;

/// <summary>
/// The demo school's designated safeguarding lead answers the check the hub sent to their school (one in the demo
/// data, waiting), and the screener then sees the school's answer on the contact; axe on each page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SchoolCheckJourneyTests(BrowserFixture fixture)
{
    private async Task<(Guid CheckId, Guid ContactId, string Reference)> WaitingSchoolCheckAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System("browser-test"));
        var check = await db.Checks.IgnoreQueryFilters()
            .Where(c => c.Agency.Name == "Oakbrook Primary School (demo)" && c.Status == CheckStatus.Requested)
            .Select(c => new { c.Id, c.ContactId })
            .FirstAsync();
        var reference = await db.Contacts.IgnoreQueryFilters().Where(c => c.Id == check.ContactId).Select(c => c.Reference).SingleAsync();
        return (check.Id, check.ContactId, reference);
    }

    [Fact]
    public async Task SchoolLead_AnsweringTheirSchoolsDemoCheck_IsSeenByTheScreener()
    {
        var (checkId, contactId, reference) = await WaitingSchoolCheckAsync();
        var item = $"Fictional: attendance 82% this term, two late arrivals a week ({Guid.NewGuid():N})";
        var lead = await fixture.NewPageAsync();
        await lead.SignInAsync("staffs.dsl");
        await lead.WaitForURLAsync(fixture.BaseUrl + "/");
        await lead.AssertAccessibleAsync();

        await lead.GotoAsync("/Checks");
        await lead.AssertAccessibleAsync();
        await lead.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await lead.WaitForURLAsync(new Regex($"/Checks/{checkId}$"));
        await lead.AssertAccessibleAsync();
        var people = await lead.Locator("[data-testid=person-answer]").CountAsync();
        for (var i = 0; i < people; i++)
        {
            await lead.Locator(i == 0 ? "#People_0__Held-2" : $"#People_{i}__Held").CheckAsync();
            if (await lead.Locator($"#People_{i}__DomesticAbuse").CountAsync() > 0)
            {
                await lead.Locator($"#People_{i}__DomesticAbuse").CheckAsync();
            }
        }

        await lead.Locator("[name='People[0].Items[0].Text']").FillAsync(item);
        await lead.GetByLabel("Summary", new() { Exact = true }).FillAsync("The school knows the child: attendance is falling (fictional).");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await lead.WaitForURLAsync(fixture.BaseUrl + "/Checks");
        await lead.AssertAccessibleAsync();

        var screener = await fixture.NewPageAsync();
        await screener.SignInAsync("staffs.screener");
        await screener.WaitForURLAsync(fixture.BaseUrl + "/");
        await screener.GotoAsync($"/Screening/{contactId}");
        await screener.AssertAccessibleAsync();

        // The screening page's answer cards (Checks/_CheckAnswers), one per agency asked.
        var answer = screener.Locator("[data-testid=answer][data-agency='Oakbrook Primary School (demo)']");
        Assert.Contains(await answer.Locator("[data-testid=item]").AllTextContentsAsync(), t => t.Contains(item, StringComparison.Ordinal));
        Assert.Contains("attendance is falling", await answer.TextContentAsync(), StringComparison.Ordinal);
    }
}
