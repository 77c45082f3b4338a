using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.DataSharing;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Admin.Sharing;

/// <summary>One agreement involving this hub: its terms, every version with who made it and why, and the changes this side may make.</summary>
[AuditedAs(AuditActions.ViewAgreement, Purpose = "Administration")]
public sealed class AgreementModel(AgreementService agreements, OpenMashDbContext db, TimeProvider time) : PageModel
{
    public DataSharingAgreement Current { get; private set; } = null!;

    public IReadOnlyList<DataSharingAgreement> History { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<AgreementChange> Changes { get; private set; } = [];

    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        Now = time.GetUtcNow().UtcDateTime;
        Current = HttpContext.Record<DataSharingAgreement>();
        History = await agreements.HistoryAsync(Current.Id);
        Names = await AgreementDisplay.NamesAsync(db);
        var ids = History.Select(h => h.RecordedByUserId).OfType<Guid>().Distinct().ToList();
        People = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Changes = Current.ChangesFor(db.Actor.RequiredHubId);
    }
}
