using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Features.DataSharing;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Admin.Sharing;

/// <summary>The agreements involving this hub, what waits for this hub's approval, and notices of the other side's changes.</summary>
public sealed class IndexModel(AgreementService agreements, OpenMashDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<DataSharingAgreement> Agreements { get; private set; } = [];

    public IReadOnlyList<AgreementNotice> Notices { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public DateTime Now { get; private set; }

    public Guid HubId { get; private set; }

    public async Task OnGetAsync()
    {
        Now = time.GetUtcNow().UtcDateTime;
        HubId = db.Actor.RequiredHubId;
        Agreements = await agreements.CurrentForHubAsync(HubId);
        Notices = await agreements.NoticesAsync();
        Names = await AgreementDisplay.NamesAsync(db);
    }
}
