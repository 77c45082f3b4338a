using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Auditing;

/// <summary>
/// The children a refused request was aimed at, found across every hub so that the refusal appears in the child's
/// access history even when the record belongs to another hub than the user's. Used only to name the subjects of a
/// refusal row; never to answer the user (who gets 404 or 403 whatever is found here).
/// </summary>
public static class RefusedRecordSubjects
{
    /// <summary>The people a contact names, in whichever hub it is.</summary>
    public static async Task<IReadOnlyList<Guid>> OfContactAsync(this OpenMashDbContext db, Guid contactId, CancellationToken ct) =>
        await db.ContactSubjects.IgnoreQueryFilters().AsNoTracking().Where(s => s.ContactId == contactId).Select(s => s.PersonId).Distinct().ToListAsync(ct);

    /// <summary>The people named by the contact of a record that belongs to one contact (a check, decision, override, attachment).</summary>
    public static async Task<IReadOnlyList<Guid>> OfContactOfAsync(this OpenMashDbContext db, IQueryable<Guid> contactId, CancellationToken ct) =>
        await db.ContactSubjects.IgnoreQueryFilters().AsNoTracking().Where(s => contactId.Contains(s.ContactId)).Select(s => s.PersonId).Distinct().ToListAsync(ct);

    /// <summary>The person, if one exists with this id in any hub.</summary>
    public static async Task<IReadOnlyList<Guid>> OfPersonAsync(this OpenMashDbContext db, Guid personId, CancellationToken ct) =>
        await db.Persons.IgnoreQueryFilters().AsNoTracking().AnyAsync(p => p.Id == personId, ct) ? [personId] : [];
}
