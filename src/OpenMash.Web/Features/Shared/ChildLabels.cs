using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Shared;

/// <summary>The children of many contacts as list rows show them ("Ruby Demoford, 9 years old"), youngest last, in one query.</summary>
public static class ChildLabels
{
    public static async Task<Dictionary<Guid, List<string>>> ForContactsAsync(OpenMashDbContext db, IReadOnlyCollection<Guid> contactIds, DateOnly today, CancellationToken ct = default)
    {
        var children = await (from s in db.ContactSubjects
                              join p in db.Persons on s.PersonId equals p.Id
                              where contactIds.Contains(s.ContactId) && s.Role == SubjectRole.Child
                              select new { s.ContactId, p.GivenNames, p.FamilyName, p.DateOfBirth })
            .ToListAsync(ct);
        return children.GroupBy(c => c.ContactId).ToDictionary(
            g => g.Key,
            g => g.OrderBy(c => c.DateOfBirth).Select(c => $"{c.GivenNames} {c.FamilyName}, {CaseDisplay.Age(c.DateOfBirth, today)}").ToList());
    }
}
