using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Contacts;

/// <summary>A contact of the user's hub, with the people it names (tracked: the page may change it).</summary>
public sealed class ContactLoader(OpenMashDbContext db) : RecordLoader<Contact>
{
    public override string TargetType => "Contact";

    public override string NotFoundDetail => "not a contact of this hub";

    protected override Task<Contact?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.Contacts.Include(c => c.Subjects).SingleOrDefaultAsync(c => c.Id == id, ct);
}

/// <summary>An attachment of the contact in the same address (whose own guard runs first).</summary>
public sealed class AttachmentLoader(OpenMashDbContext db) : RecordLoader<ContactAttachment>
{
    public override string TargetType => "ContactAttachment";

    public override string NotFoundDetail => "not an attachment of this contact in this hub";

    protected override Task<ContactAttachment?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        Guid.TryParse(route.GetValueOrDefault("id")?.ToString(), out var contactId)
            ? db.ContactAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.ContactId == contactId, ct)
            : Task.FromResult<ContactAttachment?>(null);
}
