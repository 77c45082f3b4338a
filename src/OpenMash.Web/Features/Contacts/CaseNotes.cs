using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Contacts;

/// <summary>A contact's case notes, newest first, for every page that shows them (the contact, screening and timeline pages).</summary>
public static class CaseNotes
{
    public static async Task<IReadOnlyList<CaseNote>> ForContactAsync(OpenMashDbContext db, Guid contactId, CancellationToken ct = default)
    {
        var notes = await db.ContactNotes.AsNoTracking().Where(n => n.ContactId == contactId).ToListAsync(ct);
        var writers = notes.Select(n => n.WrittenByUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => writers.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return notes.OrderByDescending(n => n.WrittenAtUtc).ThenByDescending(n => n.Id)
            .Select(n => new CaseNote(n.Id, n.WrittenAtUtc, names.GetValueOrDefault(n.WrittenByUserId, "Unknown"), n.Text)).ToList();
    }
}
