using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Consent;

/// <summary>A person's consent history, newest first, for the person record page.</summary>
public sealed class ConsentHistoryViewComponent(OpenMashDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid personId)
    {
        var consents = (await db.Consents.AsNoTracking().Where(c => c.PersonId == personId).ToListAsync()).OrderByDescending(c => c.RecordedAtUtc).ToList();
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Id, a => a.Name);
        db.Audit(AuditActions.ViewConsentHistory, targetType: "Person", targetId: personId.ToString(), subjects: [personId], purpose: "Person record", detail: $"{consents.Count} consent records");
        await db.SaveChangesAsync();
        return View("/Features/Consent/_ConsentHistory.cshtml", new ConsentHistoryView(consents, agencies));
    }
}
