using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Tests.Infrastructure;
using static OpenMash.Web.Tests.Features.Boundaries.BoundaryData;
using ItemRestrictions = OpenMash.Sharing.ItemRestrictions;

namespace OpenMash.Web.Tests.Features.Boundaries;

/// <summary>An administrator revokes agreements while researchers, referrers and the task group are signed in; a database of its own.</summary>
public sealed class BoundaryRevocationTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task AgreementsRevokedMidSession_RefuseOnTheNextRequest_OnEveryBoundary()
    {
        var referrerId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "staffs.referrer").Select(u => u.Id).SingleAsync());
        var screeningContact = await ContactWithAnswersAsync(factory, "STAFFS", "Maisie", ConcernCategory.Neglect, new ContactSource(ReferrerUserId: referrerId),
            new AnswerData(Health, "Health: fictional."),
            new AnswerData(Police, "Police: shouting reported by neighbours (fictional).", true, ("Police item: neighbour's account (fictional)", ItemRestrictions.None)));
        var stokeContact = await ContactWithAnswersAsync(factory, "STOKE", "Jayden", ConcernCategory.CriminalExploitation, new ContactSource(),
            new AnswerData(Police, "Police STOKE: stopped on a train with a knife (fictional)."));
        var health = await SignInAsync(factory, "staffs.health");
        var referrer = await SignInAsync(factory, "staffs.referrer");
        var member = await SignInAsync(factory, "joint.cetg");
        var researchPage = $"/Checks/{await CheckIdAsync(factory, screeningContact, Health)}";

        Assert.Contains("shouting reported by neighbours", (await health.GetPageAsync(researchPage)).Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("shouting reported by neighbours", (await referrer.GetPageAsync($"/Referrals/{screeningContact}")).Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await member.GetPageAsync("/TaskGroup")).Document.QuerySelector($"[data-testid=taskgroup-record][data-contact='{stokeContact}']"));

        // Each agreement is revoked by the hub that owns its data (the source hub).
        var staffsAdmin = await SignInAsync(factory, "staffs.admin");
        var stokeAdmin = await SignInAsync(factory, "stoke.admin");
        foreach (var (name, admin) in new[]
        {
            ("Screening: police incidents to health (STAFFS, demo)", staffsAdmin),
            ("Operation Encompass: police incidents to schools for screening (STAFFS, demo)", staffsAdmin),
            ("Exploitation task group: known to social care (STOKE, demo)", stokeAdmin),
        })
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await AgreementSteps.RevokeAsync(admin, await AgreementIdAsync(factory, name))).StatusCode);
        }

        var (_, research) = await health.GetPageAsync(researchPage);
        Assert.DoesNotContain("shouting reported by neighbours", research.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No data sharing agreement lets Staffordshire Police share police incidents with your agency",
            research.QuerySelector($"[data-testid=partner-answer][data-agency='{Police}'] [data-testid=not-shared]")!.TextContent, StringComparison.Ordinal);

        var (_, feedback) = await referrer.GetPageAsync($"/Referrals/{screeningContact}");
        Assert.DoesNotContain("shouting reported by neighbours", feedback.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Police, feedback.Body.TextContent, StringComparison.Ordinal);
        Assert.NotNull(feedback.QuerySelector("[data-testid=may-be-withheld]"));

        var (_, taskGroup) = await member.GetPageAsync("/TaskGroup");
        Assert.Null(taskGroup.QuerySelector($"[data-testid=taskgroup-record][data-contact='{stokeContact}']"));
        Assert.DoesNotContain("Jayden", taskGroup.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("stopped on a train", taskGroup.Body.TextContent, StringComparison.Ordinal);
        var refused = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.UserName == "joint.cetg" && e.Action == AuditActions.SharingDecision && e.Outcome == AuditOutcome.Refused && e.TargetId == stokeContact.ToString())
            .Select(e => e.Detail).ToListAsync());
        Assert.Contains(refused, d => d!.Contains("social care history", StringComparison.Ordinal) && d.Contains("refused (no agreement covers it)", StringComparison.Ordinal));
    }
}
