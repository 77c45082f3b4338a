using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared.SubjectAccess;
using static OpenMash.Web.Features.Shared.SubjectAccess.SubjectAccessBuilder;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>Duplicate records merged into, or out of, the person's record.</summary>
public sealed class DuplicatesSubjectAccess(OpenMashDbContext db) : ISubjectAccessSection
{
    public int Order => 800;

    public IReadOnlyDictionary<Type, string> Covers { get; } = new Dictionary<Type, string>
    {
        [typeof(PersonMerge)] = "Record merges",
        [typeof(PossibleExistingRecord)] = "Record merges: whether a contact's person was linked to an existing record (a link made is a merge, listed there)",
        [typeof(NotDuplicate)] = "Not included: a note that two records are different people (no information about you beyond the link)",
        [typeof(DuplicateCandidate)] = "Not included: the matcher's working list of records that may be the same person (derived from the records shown, recomputed on every change)",
        [typeof(PersonChange)] = "Not included: a note, kept for a week, that the record changed, so that every copy of the service reads it again (the change itself is in the record and its history)",
    };

    public async Task AddAsync(SubjectAccessBuilder sar, CancellationToken ct)
    {
        var personId = sar.PersonId;
        var merges = await db.PersonMerges.AsNoTracking().Where(m => m.SurvivorId == personId || m.MergedId == personId).ToListAsync(ct);
        sar.Add("Record merges", merges.Select(m => new SarEntry($"Duplicate record merged {Time(m.MergedAtUtc)}", [
            new("Why", m.Reason), new("Undone", m.UnmergedAtUtc is { } at ? Time(at) : "No")])).ToList());
    }
}
