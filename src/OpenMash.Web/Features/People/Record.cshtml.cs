using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.People;

/// <summary>One person's record: who they are, where they live, who they are linked to, and the contacts about them.</summary>
[AuditedAs(AuditActions.ViewPerson, Purpose = "Screening")]
public sealed class RecordModel(OpenMashDbContext db, OtherHubLookup otherHubs, IAuthorizationService authorization) : PageModel
{
    public OtherHubPanel OtherHubs { get; private set; } = null!;

    public Person Person { get; private set; } = null!;

    public IReadOnlyList<RelatedPerson> Relationships { get; private set; } = [];

    public IReadOnlyList<Involvement> OpenInvolvements { get; private set; } = [];

    public IReadOnlyList<PersonContact> Contacts { get; private set; } = [];

    /// <summary>Documents added to this person's contacts about them, newest first.</summary>
    public IReadOnlyList<PersonAttachment> Attachments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var person = HttpContext.Record<Person>();
        var id = person.Id;
        Person = person;
        var outgoing = await db.PersonRelationships.AsNoTracking().Where(r => r.PersonId == id)
            .Join(db.Persons, r => r.RelatedPersonId, p => p.Id, (r, p) => new { p.Id, p.GivenNames, p.FamilyName, r.Type })
            .ToListAsync(ct);
        var incoming = await db.PersonRelationships.AsNoTracking().Where(r => r.RelatedPersonId == id)
            .Join(db.Persons, r => r.PersonId, p => p.Id, (r, p) => new { p.Id, p.GivenNames, p.FamilyName, r.Type })
            .ToListAsync(ct);
        Relationships = outgoing.Select(r => new RelatedPerson(r.Id, $"{r.GivenNames} {r.FamilyName}", PersonDisplay.Relationship(r.Type)))
            .Concat(incoming.Where(r => outgoing.All(o => o.Id != r.Id))
                .Select(r => new RelatedPerson(r.Id, $"{r.GivenNames} {r.FamilyName}", $"This person is their {PersonDisplay.Relationship(r.Type).ToLowerInvariant()}")))
            .ToList();
        OpenInvolvements = await db.Involvements.AsNoTracking().Where(i => i.PersonId == id && i.ClosedOn == null).OrderBy(i => i.OpenedOn).ToListAsync(ct);
        var contacts = await db.ContactSubjects.AsNoTracking().Where(s => s.PersonId == id)
            .Join(db.Contacts, s => s.ContactId, c => c.Id, (s, c) => new { c.Id, c.Reference, c.ReceivedAtUtc, c.State, s.Role, c.ConcernCategories })
            .ToListAsync(ct);
        var contactIds = contacts.Select(c => c.Id).ToList();
        var outcomes = await db.Decisions.AsNoTracking().Where(d => contactIds.Contains(d.ContactId) && d.Status == DecisionStatus.Approved)
            .Select(d => new { d.ContactId, d.Outcome }).ToListAsync(ct);
        Contacts = contacts
            .Select(c => new PersonContact(c.Id, c.Reference, c.ReceivedAtUtc, c.State, c.Role, c.ConcernCategories,
                c.State == ContactState.Decided ? outcomes.FirstOrDefault(o => o.ContactId == c.Id)?.Outcome : null))
            .OrderByDescending(c => c.ReceivedAtUtc)
            .ToList();

        Attachments = (await db.ContactAttachments.AsNoTracking().Where(a => a.PersonId == id && contactIds.Contains(a.ContactId))
                .Select(a => new { a.ContactId, a.Id, a.FileName, a.UploadedAtUtc }).ToListAsync(ct))
            .Select(a => new PersonAttachment(a.ContactId, contacts.First(c => c.Id == a.ContactId).Reference, a.Id, a.FileName, a.UploadedAtUtc))
            .OrderByDescending(a => a.UploadedAtUtc).ToList();

        OtherHubs = new OtherHubPanel(
            await otherHubs.ForPersonAsync(person, ct),
            id,
            (await authorization.AuthorizeAsync(User, Policies.BreakGlass)).Succeeded,
            (await authorization.AuthorizeAsync(User, Policies.Manager)).Succeeded);
        db.Audit(AuditActions.ViewPerson, targetType: "Person", targetId: id.ToString(), subjects: [id], purpose: "Screening");
        await db.SaveChangesAsync(ct);
        return Page();
    }
}
