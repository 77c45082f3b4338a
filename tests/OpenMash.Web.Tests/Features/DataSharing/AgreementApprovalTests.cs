using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Features.Access;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.DataSharing;

/// <summary>
/// Issue 10 finding 1: an agreement takes effect only when the data owner's hub approves it; only the owner revokes
/// at once, the receiving side asks. Each test that changes the demo agreements has a database of its own.
/// </summary>
public sealed class AgreementApprovalTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private const string StokeToStaffsExistence = "Stoke-on-Trent to Staffordshire: known to social care, for screening (demo)";

    [Fact]
    public async Task WideningAgreement_ProposedByTheReceivingHub_SharesNothingUntilTheOwnerApproves()
    {
        await using var app = new OpenMashFactory();
        var staffsChild = await AccessData.SharedChildAsync(app, "STAFFS");
        var screener = await AccessData.SignInAsync(app, "staffs.screener");
        var staffsAdmin = await AccessData.SignInAsync(app, "staffs.admin");

        // The attack: Staffordshire's administrator makes Stoke-on-Trent's social care history flow to Staffordshire in full.
        var proposed = await ProposeStokeContentToStaffsAsync(app, staffsAdmin);
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var agreement = await app.WithDbAsync(db => db.DataSharingAgreements.SingleAsync(a => a.Name == WideningName));
        Assert.Equal(AgreementStatus.Proposed, agreement.Status);
        var (_, done) = await staffsAdmin.GetPageAsync(proposed.Headers.Location!.OriginalString);
        Assert.Contains("Agreement sent for approval", done.QuerySelector(".govuk-panel__title")?.TextContent, StringComparison.Ordinal);

        var (_, pending) = await screener.GetPageAsync($"/People/{staffsChild}");
        Assert.Empty(pending.QuerySelectorAll("[data-testid=other-hub-content]"));
        Assert.NotNull(pending.QuerySelector("[data-testid=other-hub-existence]"));

        // The proposer cannot approve its own widening: refused and audited, still pending.
        var selfApproval = await AgreementSteps.ChangeAsync(staffsAdmin, agreement.Id, "Approve");
        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessRefused && e.UserName == "staffs.admin" && e.TargetId == agreement.Id.ToString())));
        Assert.Equal(AgreementStatus.Proposed, await StatusAsync(app, agreement.Id));
        var (_, stillPending) = await screener.GetPageAsync($"/People/{staffsChild}");
        Assert.Empty(stillPending.QuerySelectorAll("[data-testid=other-hub-content]"));

        // The owner's IG officer is told, then approves: from the next request the content is shared.
        var stokeIg = await AccessData.SignInAsync(app, "stoke.ig");
        var (_, list) = await stokeIg.GetPageAsync("/Admin/Sharing");
        Assert.Contains(WideningName, list.QuerySelector("[data-testid=waiting]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Fictional: screening needs the history", list.QuerySelector("[data-testid=notices]")?.TextContent, StringComparison.Ordinal);
        var approved = await AgreementSteps.ChangeAsync(stokeIg, agreement.Id, "Approve", "Fictional: agreed at the partnership meeting.");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(AgreementStatus.Active, await StatusAsync(app, agreement.Id));
        var (_, after) = await screener.GetPageAsync($"/People/{staffsChild}");
        Assert.NotNull(after.QuerySelector("[data-testid=other-hub-content]"));

        // Both changes audited with their reasons; the notices' e-mails are queued, never recorded as sent.
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.TargetId == agreement.Id.ToString() && e.Outcome == AuditOutcome.Allowed).Select(e => new { e.Action, e.UserName, e.Detail }).ToListAsync());
        Assert.Contains(audit, e => e.Action == AuditActions.ProposeAgreement && e.UserName == "staffs.admin" && e.Detail!.Contains("Fictional: screening needs the history", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == AuditActions.ApproveAgreement && e.UserName == "stoke.ig" && e.Detail!.Contains("partnership meeting", StringComparison.Ordinal));
        var mail = await app.WithDbAsync(db => db.Outbox.IgnoreQueryFilters().Where(o => o.Kind == "AgreementNotice").Select(o => new { o.ToAddress, o.SentAtUtc }).ToListAsync());
        Assert.Contains(mail, m => m.ToAddress == "stoke.admin@demo.openmash.example");
        Assert.Contains(mail, m => m.ToAddress == "stoke.ig@demo.openmash.example");
        Assert.Contains(mail, m => m.ToAddress == "staffs.admin@demo.openmash.example");
        Assert.All(mail, m => Assert.Null(m.SentAtUtc));
    }

    [Fact]
    public async Task Revocation_ByTheReceivingHub_IsOnlyARequestUntilTheOwnerAgrees()
    {
        await using var app = new OpenMashFactory();
        var staffsChild = await AccessData.SharedChildAsync(app, "STAFFS");
        var screener = await AccessData.SignInAsync(app, "staffs.screener");
        var staffsAdmin = await AccessData.SignInAsync(app, "staffs.admin");
        var id = await app.WithDbAsync(db => db.DataSharingAgreements.Where(a => a.Name == StokeToStaffsExistence).Select(a => a.Id).FirstAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await AgreementSteps.RevokeAsync(staffsAdmin, id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AgreementSteps.ChangeAsync(staffsAdmin, id, "RequestRevocation")).StatusCode);
        Assert.Equal(AgreementStatus.RevocationRequested, await StatusAsync(app, id));
        var (_, requested) = await screener.GetPageAsync($"/People/{staffsChild}");
        Assert.NotNull(requested.QuerySelector("[data-testid=other-hub-existence]"));

        var stokeAdmin = await AccessData.SignInAsync(app, "stoke.admin");
        Assert.Equal(HttpStatusCode.Redirect, (await AgreementSteps.ChangeAsync(stokeAdmin, id, "ApproveRevocation")).StatusCode);
        Assert.Equal(AgreementStatus.Ended, await StatusAsync(app, id));
        var (_, ended) = await screener.GetPageAsync($"/People/{staffsChild}");
        Assert.Empty(ended.QuerySelectorAll("[data-testid=other-hub-existence], [data-testid=other-hub-content]"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.RequestAgreementRevocation && e.UserName == "staffs.admin")));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.ApproveAgreementRevocation && e.UserName == "stoke.admin")));
    }

    [Fact]
    public async Task RevocationByTheOwner_IsImmediate_AndReinstatingAddsANewLinkedAgreement()
    {
        await using var app = new OpenMashFactory();
        var staffsChild = await AccessData.SharedChildAsync(app, "STAFFS");
        var screener = await AccessData.SignInAsync(app, "staffs.screener");
        var stokeAdmin = await AccessData.SignInAsync(app, "stoke.admin");
        var id = await app.WithDbAsync(db => db.DataSharingAgreements.Where(a => a.Name == StokeToStaffsExistence).Select(a => a.Id).FirstAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await AgreementSteps.RevokeAsync(stokeAdmin, id)).StatusCode);
        Assert.Equal(AgreementStatus.Ended, await StatusAsync(app, id));
        var (_, ended) = await screener.GetPageAsync($"/People/{staffsChild}");
        Assert.Empty(ended.QuerySelectorAll("[data-testid=other-hub-existence]"));
        var (_, told) = await (await AccessData.SignInAsync(app, "staffs.ig")).GetPageAsync("/Admin/Sharing");
        Assert.Contains("revoked", told.QuerySelector("[data-testid=notices]")?.TextContent, StringComparison.Ordinal);

        // The receiving side proposes it again: a new agreement linked to the old one, pending the owner.
        var staffsAdmin = await AccessData.SignInAsync(app, "staffs.admin");
        Assert.Equal(HttpStatusCode.Redirect, (await AgreementSteps.ChangeAsync(staffsAdmin, id, "Reinstate", "Fictional: still needed for screening.")).StatusCode);
        var copy = await app.WithDbAsync(db => db.DataSharingAgreements.SingleAsync(a => a.ReinstatesAgreementId == id));
        Assert.NotEqual(id, copy.Id);
        Assert.Equal((AgreementStatus.Proposed, 1), (copy.Status, copy.Version));
        Assert.Equal(AgreementStatus.Ended, await StatusAsync(app, id));
        var (_, pending) = await screener.GetPageAsync($"/People/{staffsChild}");
        Assert.Empty(pending.QuerySelectorAll("[data-testid=other-hub-existence]"));

        Assert.Equal(HttpStatusCode.Redirect, (await AgreementSteps.ChangeAsync(stokeAdmin, copy.Id, "Approve")).StatusCode);
        var (_, back) = await screener.GetPageAsync($"/People/{staffsChild}");
        Assert.NotNull(back.QuerySelector("[data-testid=other-hub-existence]"));
        Assert.Equal(AgreementStatus.Ended, await StatusAsync(app, id));
    }

    [Fact]
    public async Task Decline_ByTheOwner_KeepsTheProposalOutOfForce()
    {
        await using var app = new OpenMashFactory();
        var staffsAdmin = await AccessData.SignInAsync(app, "staffs.admin");
        await ProposeStokeContentToStaffsAsync(app, staffsAdmin);
        var id = await app.WithDbAsync(db => db.DataSharingAgreements.Where(a => a.Name == WideningName).Select(a => a.Id).SingleAsync());

        var stokeIg = await AccessData.SignInAsync(app, "stoke.ig");
        Assert.Equal(HttpStatusCode.Redirect, (await AgreementSteps.ChangeAsync(stokeIg, id, "Decline", "Fictional: existence is enough for screening.")).StatusCode);

        Assert.Equal(AgreementStatus.Declined, await StatusAsync(app, id));
        var staffsChild = await AccessData.SharedChildAsync(app, "STAFFS");
        var (_, page) = await (await AccessData.SignInAsync(app, "staffs.screener")).GetPageAsync($"/People/{staffsChild}");
        Assert.Empty(page.QuerySelectorAll("[data-testid=other-hub-content]"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.DeclineAgreement && e.UserName == "stoke.ig")));
    }

    [Fact]
    public async Task Change_WithoutAReasonOrConfirmation_ChangesNothing()
    {
        var stokeAdmin = await AccessData.SignInAsync(factory, "stoke.admin");
        var id = await factory.WithDbAsync(db => db.DataSharingAgreements.Where(a => a.Name == StokeToStaffsExistence).Select(a => a.Id).FirstAsync());

        var noReason = await PageClient.ParseAsync(await AgreementSteps.ChangeAsync(stokeAdmin, id, "Revoke", reason: ""));
        var unconfirmed = await PageClient.ParseAsync(await AgreementSteps.ChangeAsync(stokeAdmin, id, "Revoke", confirmed: false));

        Assert.Equal(["#Reason"], noReason.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.NotNull(unconfirmed.QuerySelector("[data-testid=confirm-change]"));
        Assert.Equal(AgreementStatus.Active, await StatusAsync(factory, id));
    }

    [Fact]
    public async Task ProposeAgreement_ForTheOtherHubsData_ShowsTheConfirmationStepFirst()
    {
        var staffsAdmin = await AccessData.SignInAsync(factory, "staffs.admin");

        var check = await PageClient.ParseAsync(await ProposeStokeContentToStaffsAsync(factory, staffsAdmin, confirmed: false));

        Assert.NotNull(check.QuerySelector("[data-testid=check-agreement]"));
        Assert.Contains("Nothing is shared until", check.QuerySelector("[data-testid=needs-approval]")?.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.DataSharingAgreements.AnyAsync(a => a.Name == WideningName)));
    }

    [Fact]
    public async Task AgreementPages_ForAnIgOfficer_OpenButOtherAdministrationIsRefused()
    {
        var ig = await AccessData.SignInAsync(factory, "staffs.ig");

        Assert.Equal(HttpStatusCode.OK, (await ig.Http.GetAsync(new Uri("/Admin/Sharing", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ig.Http.GetAsync(new Uri("/Admin/Users", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ig.Http.GetAsync(new Uri("/Admin", UriKind.Relative))).StatusCode);
    }

    private const string WideningName = "Stoke-on-Trent social care history to Staffordshire in full (fictional test)";

    private static Task<AgreementStatus> StatusAsync(OpenMashFactory app, Guid id) =>
        app.WithDbAsync(db => db.DataSharingAgreements.Where(a => a.Id == id).OrderByDescending(a => a.Version).Select(a => a.Status).FirstAsync());

    private static async Task<HttpResponseMessage> ProposeStokeContentToStaffsAsync(OpenMashFactory app, PageClient admin, bool confirmed = true)
    {
        var staffs = await app.WithDbAsync(db => db.Hubs.Where(h => h.Code == "STAFFS").Select(h => h.Id).SingleAsync());
        var stoke = await app.WithDbAsync(db => db.Hubs.Where(h => h.Code == "STOKE").Select(h => h.Id).SingleAsync());
        var from = app.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        return await admin.PostFormAsync("/Admin/Sharing/Create",
        [
            new("Name", WideningName), new("Effect", "Allow"), new("Source", "type:ChildrensSocialCare"), new("SourceHub", stoke.ToString()),
            new("Destination", "type:ChildrensSocialCare"), new("DestinationHub", staffs.ToString()), new("Category", "SocialCareHistory"),
            new("Purpose", "SafeguardingScreening"), new("Mode", "Content"),
            new("ValidFrom.Day", from.Day.ToString(CultureInfo.InvariantCulture)), new("ValidFrom.Month", from.Month.ToString(CultureInfo.InvariantCulture)),
            new("ValidFrom.Year", from.Year.ToString(CultureInfo.InvariantCulture)), new("Reason", "Fictional: screening needs the history."),
            new("Confirmed", confirmed ? "true" : "false"),
        ]);
    }
}
