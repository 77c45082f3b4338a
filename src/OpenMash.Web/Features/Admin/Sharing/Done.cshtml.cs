using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Admin.Sharing;

/// <summary>The confirmation page after a proposal or change: where the agreement now stands and who was told.</summary>
[AuditedAs(AuditActions.ViewAgreement, Purpose = "Administration")]
public sealed class DoneModel(OpenMashDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Change { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Queued { get; set; }

    public DataSharingAgreement Current { get; private set; } = null!;

    public string OtherHub { get; private set; } = string.Empty;

    public string OwnerHub { get; private set; } = string.Empty;

    public async Task OnGetAsync()
    {
        Current = HttpContext.Record<DataSharingAgreement>();
        var names = await AgreementDisplay.NamesAsync(db);
        OtherHub = names.GetValueOrDefault(Current.OtherSide(db.Actor.RequiredHubId)) ?? string.Empty;
        OwnerHub = names.GetValueOrDefault(Current.SourceHubId) ?? string.Empty;
    }
}
