using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Contacts;

/// <summary>A contact of the user's hub, with the people it names (tracked: the page may change it).</summary>
public sealed class ContactLoader(OpenMashDbContext db) : RecordLoader<Contact>
{
    public override string TargetType => "Contact";

    public override string NotFoundDetail => "not a contact of this hub";

    public override Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct) => db.OfContactAsync(id, ct);

    protected override Task<Contact?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.Contacts.Include(c => c.Subjects).SingleOrDefaultAsync(c => c.Id == id, ct);
}

/// <summary>
/// An attachment of the contact in the same address (whose own guard runs first). A refused attachment names the
/// children of the contact in the address as well as its own contact's.
/// </summary>
public sealed class AttachmentLoader(OpenMashDbContext db) : RecordLoader<ContactAttachment>
{
    public override string TargetType => "ContactAttachment";

    public override string NotFoundDetail => "not an attachment of this contact in this hub";

    public override async Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct)
    {
        var own = await db.OfContactOfAsync(db.ContactAttachments.IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.ContactId), ct);
        return Guid.TryParse(route.GetValueOrDefault("id")?.ToString(), out var contactId) ? [.. own.Union(await db.OfContactAsync(contactId, ct))] : own;
    }

    protected override Task<ContactAttachment?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        Guid.TryParse(route.GetValueOrDefault("id")?.ToString(), out var contactId)
            ? db.ContactAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.ContactId == contactId, ct)
            : Task.FromResult<ContactAttachment?>(null);
}
