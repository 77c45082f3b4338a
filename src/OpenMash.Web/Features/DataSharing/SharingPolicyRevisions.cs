using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.DataSharing;

public static class SharingPolicyRevisions
{
    /// <summary>Moves the revision so that every instance recompiles its policy on its next request.</summary>
    public static Task<int> BumpAsync(OpenMashDbContext db, CancellationToken ct) =>
        db.SharingPolicyRevisions.Where(r => r.Id == SharingPolicyRevision.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Revision, r => r.Revision + 1), ct);
}
