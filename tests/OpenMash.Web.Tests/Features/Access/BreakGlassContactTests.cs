using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Access;

/// <summary>Break-glass delivers what it grants: the other hub's contacts of the matched child, read only, while it lasts.</summary>
public sealed class BreakGlassContactTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private const string Explanation = "Fictional: the child ran from a foster placement tonight and police need the history.";

    [Fact]
    public async Task BreakGlass_WithAOneLetterJustification_IsRefusedWithAClearErrorAndNoGrant()
    {
        var child = await AccessData.SharedChildAsync(factory, "STAFFS");
        var screener = await AccessData.SignInAsync(factory, "staffs.senior");

        var response = await screener.PostFormAsync($"/Access/BreakGlass/{child}", [new("Reason", nameof(BreakGlassReason.ChildMissing)), new("Justification", "x")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")?.TextContent;
        Assert.Contains("at least a sentence", summary, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Set<BreakGlassGrant>().AnyAsync(g => g.Justification == "x")));
    }

    [Fact]
    public async Task GrantedContact_DuringTheGrant_OpensReadOnlyWithABannerAndEachViewIsAuditedWithTheGrant()
    {
        var child = await AccessData.SharedChildAsync(factory, "STAFFS");
        var stokeChild = await AccessData.SharedChildAsync(factory, "STOKE");
        var stokeContact = await factory.WithDbAsync(db => db.ContactSubjects.IgnoreQueryFilters().Where(s => s.PersonId == stokeChild).Select(s => s.ContactId).FirstAsync());
        var whatHappened = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters().Where(c => c.Id == stokeContact).Select(c => c.WhatHappened).SingleAsync());
        var screener = await AccessData.SignInAsync(factory, "staffs.screener");
        Assert.Equal(HttpStatusCode.Redirect, (await screener.PostFormAsync($"/Access/BreakGlass/{child}", [new("Reason", nameof(BreakGlassReason.ChildMissing)), new("Justification", Explanation)])).StatusCode);
        var grant = await factory.WithDbAsync(db => db.Set<BreakGlassGrant>().SingleAsync(g => g.PersonId == child && g.UserName == "staffs.screener"));

        var (_, record) = await screener.GetPageAsync($"/People/{child}");
        var link = record.QuerySelectorAll("[data-testid=break-glass-contact]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/Access/BreakGlass/{grant.Id}/Contacts/{stokeContact}", link);
        var (response, page) = await screener.GetPageAsync($"/Access/BreakGlass/{grant.Id}/Contacts/{stokeContact}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("read only", page.QuerySelector("[data-testid=break-glass-banner]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(whatHappened, page.QuerySelector("[data-testid=what-happened]")?.TextContent);
        Assert.Empty(page.QuerySelectorAll("main form"));
        var view = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.ViewContact && e.UserName == "staffs.screener" && e.TargetId == stokeContact.ToString()));
        Assert.Equal("break-glass", view.Purpose);
        Assert.Contains(grant.Id.ToString(), view.Detail, StringComparison.Ordinal);
        Assert.Contains(stokeChild.ToString(), view.Subjects, StringComparison.Ordinal);
        Assert.Contains(child.ToString(), view.Subjects, StringComparison.Ordinal);

        // Another user of the same hub cannot use the grant; after expiry its holder cannot either. Both refused and audited.
        var colleague = await AccessData.SignInAsync(factory, "staffs.manager");
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.Http.GetAsync(new Uri($"/Access/BreakGlass/{grant.Id}/Contacts/{stokeContact}", UriKind.Relative))).StatusCode);
        await factory.WithDbAsync(db => db.Set<BreakGlassGrant>().Where(g => g.Id == grant.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.ExpiresAtUtc, factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1))));
        Assert.Equal(HttpStatusCode.NotFound, (await screener.Http.GetAsync(new Uri($"/Access/BreakGlass/{grant.Id}/Contacts/{stokeContact}", UriKind.Relative))).StatusCode);
        var refusals = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Outcome == AuditOutcome.Refused && e.TargetId == grant.Id.ToString()).Select(e => e.UserName).ToListAsync());
        Assert.Equal(["staffs.manager", "staffs.screener"], refusals.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GrantedContact_ForAContactNotAboutTheMatchedChild_Is404()
    {
        var child = await AccessData.SharedChildAsync(factory, "STAFFS");
        var stokeChild = await AccessData.SharedChildAsync(factory, "STOKE");
        var unrelated = await factory.WithDbAsync(db => db.Contacts.IgnoreQueryFilters()
            .Where(c => db.Hubs.Any(h => h.Id == c.HubId && h.Code == "STOKE") && !c.Subjects.Any(s => s.PersonId == stokeChild)).Select(c => c.Id).FirstAsync());
        var senior = await AccessData.SignInAsync(factory, "staffs.senior");
        Assert.Equal(HttpStatusCode.Redirect, (await senior.PostFormAsync($"/Access/BreakGlass/{child}", [new("Reason", nameof(BreakGlassReason.ChildMissing)), new("Justification", Explanation)])).StatusCode);
        var grant = await factory.WithDbAsync(db => db.Set<BreakGlassGrant>().SingleAsync(g => g.PersonId == child && g.UserName == "staffs.senior"));

        var response = await senior.Http.GetAsync(new Uri($"/Access/BreakGlass/{grant.Id}/Contacts/{unrelated}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Outcome == AuditOutcome.Refused && e.UserName == "staffs.senior" && e.TargetId == unrelated.ToString())));
    }
}
