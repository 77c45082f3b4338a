using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Contacts;

/// <summary>Everything recorded about one contact. Screening, checks and decisions add their own sections and pages.</summary>
[AuditedAs(AuditActions.ViewContact, Purpose = "Screening")]
public sealed class DetailsModel(OpenMashDbContext db) : PageModel
{
    public Contact Contact { get; private set; } = null!;

    public IReadOnlyList<ContactPerson> People { get; private set; } = [];

    public IReadOnlyList<AttachmentInfo> Attachments { get; private set; } = [];

    public string? RecordedBy { get; private set; }

    public string? SourceAgency { get; private set; }

    public IReadOnlyList<AmendmentView> Amendments { get; private set; } = [];

    public IReadOnlyList<CaseNote> Notes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var contact = HttpContext.Record<Contact>();
        var id = contact.Id;
        Contact = contact;
        var subjectIds = contact.Subjects.Select(s => s.PersonId).ToList();
        var people = await db.Persons.AsNoTracking().Where(p => subjectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.GivenNames, p.FamilyName, p.DateOfBirth, p.DateOfBirthIsEstimated, p.ExpectedDeliveryDate, p.Sex, p.NhsNumber })
            .ToListAsync(ct);
        People = contact.Subjects
            .Join(people, s => s.PersonId, p => p.Id, (s, p) => new ContactPerson(p.Id, $"{p.GivenNames} {p.FamilyName}", s.Role, p.DateOfBirth, p.DateOfBirthIsEstimated, p.ExpectedDeliveryDate, p.Sex, p.NhsNumber))
            .OrderBy(p => p.Role).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        Attachments = await db.ContactAttachments.AsNoTracking().Where(a => a.ContactId == id)
            .OrderBy(a => a.UploadedAtUtc).ThenBy(a => a.FileName)
            .Select(a => new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.UploadedAtUtc) { PersonId = a.PersonId, AddedLater = a.AddedLater })
            .ToListAsync(ct);
        Amendments = await AmendmentHistory.ForContactAsync(db, id, ct);
        Notes = await CaseNotes.ForContactAsync(db, id, ct);
        if (contact.RecordedByUserId is { } recorder)
        {
            RecordedBy = await db.Users.Where(u => u.Id == recorder).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
        }

        if (contact.SourceAgencyId is { } agency)
        {
            SourceAgency = await db.Agencies.Where(a => a.Id == agency).Select(a => a.Name).SingleOrDefaultAsync(ct);
        }

        db.Audit(AuditActions.ViewContact, targetType: "Contact", targetId: id.ToString(), subjects: subjectIds, purpose: "Screening");
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
