using Microsoft.EntityFrameworkCore;

namespace OpenMash.Web.Data;

/// <summary>
/// Brings checks written before answers were per person up to date, once, after the migrations (it finds nothing to do
/// afterwards). A check not yet answered gets every person of its contact (children first, then the adults, who carry
/// the domestic abuse question), so the agency answers for each. An answered check asked only about "these children
/// and their household": each child is given the old answer's known or not known, and every item of the old answer
/// goes to the contact's first child (oldest first), since an old item does not say whom it was about. Household
/// adults are not added to answered checks: they were not asked about, and the screening page says so.
/// </summary>
public static class CheckPeopleBackfill
{
    public static async Task RunAsync(OpenMashDbContext db, CancellationToken ct = default)
    {
        var checks = await db.Checks.IgnoreQueryFilters()
            .Where(c => !db.CheckPeople.IgnoreQueryFilters().Any(p => p.CheckId == c.Id))
            .Select(c => new { c.Id, c.HubId, c.ContactId, c.Status, c.Known })
            .ToListAsync(ct);
        foreach (var check in checks)
        {
            var people = await PeopleInOrderAsync(db.ContactSubjects.IgnoreQueryFilters().Where(s => s.ContactId == check.ContactId), db, ct);
            if (check.Status == CheckStatus.Answered)
            {
                people = people.Where(p => !p.AsAdult).ToList();
            }

            var position = 0;
            foreach (var (personId, asAdult) in people)
            {
                var person = new CheckPerson { Id = Guid.NewGuid(), HubId = check.HubId, CheckId = check.Id, PersonId = personId, Position = position++, AsAdult = asAdult };
                if (check.Status == CheckStatus.Answered)
                {
                    person.Held = check.Known ?? false;
                }

                db.CheckPeople.Add(person);
            }

            await db.SaveChangesAsync(ct);
        }

        var itemsWithoutPerson = await db.CheckItems.IgnoreQueryFilters().Where(i => i.PersonId == null).Select(i => i.CheckId).Distinct().ToListAsync(ct);
        foreach (var checkId in itemsWithoutPerson)
        {
            var first = await db.CheckPeople.IgnoreQueryFilters().Where(p => p.CheckId == checkId && !p.AsAdult).OrderBy(p => p.Position).Select(p => (Guid?)p.PersonId).FirstOrDefaultAsync(ct);
            if (first is { } personId)
            {
                await db.CheckItems.IgnoreQueryFilters().Where(i => i.CheckId == checkId && i.PersonId == null).ExecuteUpdateAsync(s => s.SetProperty(i => i.PersonId, personId), ct);
            }
        }
    }

    /// <summary>The contact's people as a check asks about them: the children (oldest first), then the adults; each with whether they are asked about as an adult.</summary>
    public static async Task<List<(Guid PersonId, bool AsAdult)>> PeopleInOrderAsync(IQueryable<ContactSubject> subjects, OpenMashDbContext db, CancellationToken ct = default)
    {
        var rows = await (from s in subjects
                          join p in db.Persons.IgnoreQueryFilters() on s.PersonId equals p.Id
                          select new { s.PersonId, s.Role, p.DateOfBirth, p.FamilyName, p.GivenNames })
            .ToListAsync(ct);
        return rows
            .OrderBy(r => r.Role == SubjectRole.Child ? 0 : 1)
            .ThenBy(r => r.DateOfBirth ?? DateOnly.MaxValue)
            .ThenBy(r => r.FamilyName, StringComparer.Ordinal)
            .ThenBy(r => r.GivenNames, StringComparer.Ordinal)
            .Select(r => (r.PersonId, r.Role != SubjectRole.Child))
            .ToList();
    }
}
