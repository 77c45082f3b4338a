using Microsoft.EntityFrameworkCore;

namespace OpenMash.Web.Domain.Sharing;

/// <summary>
/// The single row every application instance reads on each request; any change to an agreement increments it in
/// the same transaction, so every instance recompiles its policy on its next request.
/// </summary>
public sealed class SharingPolicyRevision
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Revision { get; set; }

    /// <summary>Moves the revision so that every instance recompiles its policy on its next request.</summary>
    public static Task<int> BumpAsync(Data.OpenMashDbContext db, CancellationToken ct) =>
        db.SharingPolicyRevisions.Where(r => r.Id == SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Revision, r => r.Revision + 1), ct);
}
