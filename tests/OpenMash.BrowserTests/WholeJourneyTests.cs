using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace OpenMash.BrowserTests;

/// <summary>
/// The front door from end to end: a teacher phones the hub, the contact is screened, two agencies answer checks,
/// a manager approves the decision while the mail server is down (the feedback is queued, not "sent"), and the
/// timeline says the feedback was sent only after the server is back and has accepted it. The teacher has an OpenMash account whose e-mail was typed in the contact, but a
/// phoned-in contact is not their referral (security finding 2): it is not in their list. Axe runs on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WholeJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PhoneContact_ThroughScreeningChecksAndDecision_IsDecidedAndIsNotTheTypedEmailAccountsReferral()
    {
        var screener = await SignedInAsync("staffs.screener");
        var reference = await RecordPhoneContactAsync(screener);

        await screener.GotoAsync("/Screening");
        await screener.AssertAccessibleAsync();
        await screener.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await screener.AssertAccessibleAsync();
        var contactUrl = screener.Url;
        await screener.GetByRole(AriaRole.Radio, new() { Name = "Amber", Exact = true }).CheckAsync();
        await screener.GetByRole(AriaRole.Radio, new() { Name = "Level 3: child in need (s17)" }).CheckAsync();
        await screener.GetByLabel("Why this threshold level").FillAsync("Fictional: repeated unexplained bruising; needs assessment.");
        await screener.Locator("#ChildSpokenTo").CheckAsync();
        await screener.GetByLabel("The child's views, or why they have not been spoken to").FillAsync("Fictional: says she falls over a lot.");
        await screener.Locator("#ConsentView").CheckAsync();
        await screener.GetByLabel("Why sharing without consent is lawful, or the family's consent position").FillAsync("Harm suspected: asking would prejudice the child's protection.");
        await screener.Locator("#WithoutConsentReason-3").CheckAsync();
        await screener.Locator("#LawfulBasis").CheckAsync();
        await screener.GetByRole(AriaRole.Button, new() { Name = "Save screening" }).ClickAsync();
        await screener.AssertAccessibleAsync();
        await screener.GetByLabel("Staffordshire Police").CheckAsync();
        await screener.GetByLabel("Demo Community Health NHS Trust").CheckAsync();
        await screener.GetByRole(AriaRole.Button, new() { Name = "Request checks" }).ClickAsync();
        await screener.AssertAccessibleAsync();
        Assert.Equal(2, await screener.Locator("[data-testid=answer]").CountAsync());

        await AnswerCheckAsync("staffs.police", reference, "Fictional: one call-out to the address last year.");
        await AnswerCheckAsync("staffs.health", reference, "Fictional: two A&E attendances with minor injuries.");

        await screener.GotoAsync(contactUrl);
        Assert.Contains("one call-out", await screener.Locator("[data-agency='Staffordshire Police']").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("A&E", await screener.Locator("[data-agency='Demo Community Health NHS Trust']").TextContentAsync(), StringComparison.Ordinal);
        await screener.GetByRole(AriaRole.Link, new() { Name = "Propose a decision" }).First.ClickAsync();
        await screener.AssertAccessibleAsync();
        await screener.GetByRole(AriaRole.Radio, new() { Name = "Child in need assessment (s17)" }).CheckAsync();
        await screener.GetByLabel("Reasons for this decision").FillAsync("Fictional: partner information confirms a pattern of injuries.");
        await screener.GetByRole(AriaRole.Radio, new() { Name = "N1 Abuse or neglect" }).CheckAsync();
        await screener.GetByRole(AriaRole.Button, new() { Name = "Propose decision" }).ClickAsync();
        await screener.AssertAccessibleAsync();

        var manager = await SignedInAsync("staffs.manager");
        await manager.GotoAsync("/Decisions");
        await manager.AssertAccessibleAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await manager.AssertAccessibleAsync();
        // The mail server is down when the decision is approved: the feedback is queued, and the record does not say sent.
        await fixture.Mail.StopAsync();
        try
        {
            await ApproveWhileMailIsDownThenSeeItSentAsync(manager, contactUrl, reference);
        }
        finally
        {
            if (!fixture.Mail.IsRunning)
            {
                await fixture.Mail.StartAsync();
            }
        }

        // The teacher phoned: the contact is the hub's record, not the teacher's referral, even though the e-mail typed
        // in it is their account's (a typed address is only where feedback goes). Their referrals list does not show it.
        var referrer = await SignedInAsync("staffs.referrer");
        await referrer.GotoAsync("/Referrals");
        await referrer.AssertAccessibleAsync();
        Assert.Equal(0, await referrer.Locator("[data-testid=referrals] tbody tr", new() { HasText = reference }).CountAsync());
        await manager.GotoAsync(contactUrl);
        Assert.Contains("Child in need assessment (s17)", await manager.Locator("main").TextContentAsync(), StringComparison.Ordinal);
    }

    private async Task ApproveWhileMailIsDownThenSeeItSentAsync(IPage manager, string contactUrl, string reference)
    {
        await manager.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await manager.AssertAccessibleAsync();
        var timelineUrl = contactUrl.TrimEnd('/') + "/Timeline";
        await manager.GotoAsync(timelineUrl);
        await manager.AssertAccessibleAsync();
        var timeline = manager.Locator("[data-testid=timeline]");
        Assert.Contains("Feedback to the referrer queued", await timeline.TextContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Feedback sent to the referrer", await timeline.TextContentAsync(), StringComparison.Ordinal);

        // Back up: the sender retries, the server accepts the message, and only then does the timeline say sent.
        await fixture.Mail.StartAsync();
        var feedback = await fixture.DeliveredAsync(m => m.To.ToString().Contains("staffs.referrer@demo.openmash.example", StringComparison.OrdinalIgnoreCase)
            && m.TextBody is { } body && body.Contains(reference, StringComparison.Ordinal));
        Assert.DoesNotContain("Journeywright", feedback.TextBody, StringComparison.Ordinal);

        // The sender records the server's acceptance a moment after the server has it.
        var shownSent = false;
        for (var i = 0; i < 30 && !shownSent; i++)
        {
            await manager.GotoAsync(timelineUrl);
            shownSent = (await timeline.TextContentAsync())!.Contains("Feedback sent to the referrer", StringComparison.Ordinal);
            if (!shownSent)
            {
                await Task.Delay(1000);
            }
        }

        Assert.True(shownSent, "the timeline should say the feedback was sent once the mail server accepted it");
        await manager.AssertAccessibleAsync();
    }

    private async Task<IPage> SignedInAsync(string user)
    {
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(user);
        await page.WaitForURLAsync(fixture.BaseUrl + "/");
        return page;
    }

    private async Task AnswerCheckAsync(string researcher, string reference, string summary)
    {
        var page = await SignedInAsync(researcher);
        await page.GotoAsync("/Checks");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = reference, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/Checks/[0-9a-f-]{36}$"));
        await page.AssertAccessibleAsync();
        // One section per person: something held about the first (the child), nothing about anyone else, no domestic abuse history.
        var people = await page.Locator("[data-testid=person-answer]").CountAsync();
        for (var i = 0; i < people; i++)
        {
            await page.Locator(i == 0 ? "#People_0__Held-2" : $"#People_{i}__Held").CheckAsync();
            if (await page.Locator($"#People_{i}__DomesticAbuse").CountAsync() > 0)
            {
                await page.Locator($"#People_{i}__DomesticAbuse").CheckAsync();
            }
        }

        await page.Locator("[name='People[0].Items[0].Text']").FillAsync(summary);
        await page.GetByLabel("Summary", new() { Exact = true }).FillAsync(summary);
        var answerUrl = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await page.WaitForURLAsync(fixture.BaseUrl + "/Checks");
        await page.AssertAccessibleAsync();
        await page.GotoAsync(answerUrl);
        Assert.Contains(summary, await page.Locator("[data-testid=answered]").TextContentAsync(), StringComparison.Ordinal);
    }

    /// <summary>A teacher with an OpenMash account phones; the screener records the call with the teacher's e-mail address.</summary>
    private static async Task<string> RecordPhoneContactAsync(IPage page)
    {
        async Task Next(string button = "Continue")
        {
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        Task Fill(string name, string value) => page.Locator($"[name='{name}']").FillAsync(value);

        await page.GotoAsync("/Contacts/New");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        await page.Locator("#Channel").CheckAsync();
        await Next();
        await Fill("ReferrerName", "Demo School Safeguarding Lead");
        await Fill("ReferrerEmail", "staffs.referrer@demo.openmash.example");
        await page.Locator("#ReferralSource").SelectOptionAsync("Schools");
        await Next();
        await Fill("GivenNames", "Marigold");
        await Fill("FamilyName", "Journeywright");
        await Fill("DateOfBirth.Day", "9");
        await Fill("DateOfBirth.Month", "10");
        await Fill("DateOfBirth.Year", "2017");
        await page.Locator("#Sex-2").CheckAsync();
        await Next("Save child");
        if (page.Url.Contains("/Contacts/New/Match/", StringComparison.Ordinal))
        {
            await page.AssertAccessibleAsync();
            await page.Locator("input[name=Choice][value=new]").CheckAsync();
            await Next();
        }

        await Next();
        await Next();
        await page.Locator("#Concerns").CheckAsync();
        await Next();
        await Fill("WhatHappened", "Fictional: bruises on both arms, explained differently twice.");
        await Next();
        await page.Locator("#FamilyAware").CheckAsync();
        await page.Locator("#FamilyConsented").CheckAsync();
        await page.Locator("#ReferrerSpokenTo").CheckAsync();
        await Next();
        await Next();
        await Next("Record the contact");
        return (await page.Locator("[data-testid=contact-reference]").TextContentAsync())!.Trim();
    }
}
