using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Checks;
using OpenMash.Web.Features.DataSharing;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Api;

/// <summary>
/// GET /api/v1/contacts/{id}/partner-information: for a contact the client's own agency sent, the other agencies'
/// answers as the data sharing agreements allow for that agency (the same gate and item restrictions as referrer
/// feedback, each decision audited). Refusals are RFC 9457 problems and audited.
/// </summary>
public static class PartnerInformationEndpoint
{
    public static async Task<IResult> GetAsync(Guid id, HttpContext http, OpenMashDbContext db, CheckService checks, SharingPolicyService policy)
    {
        var ct = http.RequestAborted;
        var agencyId = db.Actor.RequiredAgencyId;
        var (contact, refused) = await ContactsEndpoints.OwnContactAsync(id, db, AuditActions.ViewPartnerInformation, "Referral feedback", ct);
        if (contact is null)
        {
            return refused!;
        }

        if (!(await policy.RefreshAsync(ct)).IsAvailable)
        {
            db.Audit(AuditActions.ViewPartnerInformation, AuditOutcome.Refused, "Contact", id.ToString(), subjects: contact.AuditSubjects,
                purpose: "Referral feedback", detail: "sharing policy unavailable: nothing from partner agencies is released");
            await db.SaveChangesAsync(ct);
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Partner information is not available",
                detail: "The data sharing policy could not be loaded, so nothing from other agencies is released. Try again later or contact the hub.");
        }

        var viewer = await checks.ReferrerViewerAsync(agencyId, contact.HubId, ct);
        var answers = viewer is null ? [] : await checks.AnswersForAsync(id, viewer, ct);
        var shown = new PartnerAnswersView(answers, ForReferrer: true).Shown
            .Select(a => a.Shared == SharingOutcome.Content
                ? new ApiPartnerAnswer(a.Check.Agency.Name, "content", a.Check.Known, a.Check.Summary, a.Items.Select(i => i.Text).ToList(), a.Withheld, null)
                : new ApiPartnerAnswer(a.Check.Agency.Name, "existence", a.Check.Known, null, [], 0, a.NotSharedReason))
            .ToList();
        db.Audit(AuditActions.ViewPartnerInformation, targetType: "Contact", targetId: id.ToString(), subjects: contact.AuditSubjects, purpose: "Referral feedback",
            detail: $"{shown.Count} partner answer(s) released");
        await db.SaveChangesAsync(ct);
        return Results.Ok(new ApiPartnerInformation(contact.Id, contact.Reference, shown, SharingGate.SomethingMayBeWithheld));
    }
}
