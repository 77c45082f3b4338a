using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Matching;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Duplicates;

/// <summary>
/// A person of a contact beside the existing record the matcher suggested when the contact arrived: the screener
/// confirms (the contact joins the existing record's history) or rejects it; a link can be undone here.
/// </summary>
[AuditedAs(AuditActions.ViewPerson, Purpose = "Screening: is this child already known?")]
public sealed class PossibleModel(OpenMashDbContext db, IntakeResolution resolution, PersonIndex index) : PageModel
{

    public sealed record EarlierContact(Guid Id, string Reference, DateTime ReceivedAtUtc);

    public PossibleExistingRecord Suggestion { get; private set; } = null!;

    public Person Described { get; private set; } = null!;

    public Person Existing { get; private set; } = null!;

    public string ContactReference { get; private set; } = string.Empty;

    public MatchCandidate Match { get; private set; } = null!;

    public IReadOnlyList<EarlierContact> ExistingContacts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct) =>
        DecideAsync(resolution.ConfirmAsync, () => $"{Described.FullName} in contact {ContactReference} is now linked to the existing record. Their earlier contacts are in the history below.", ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) =>
        DecideAsync(resolution.RejectAsync, () => $"Recorded that {Described.FullName} in contact {ContactReference} is not the person of the existing record {Existing.FullName}.", ct);

    public Task<IActionResult> OnPostUndoAsync(CancellationToken ct) =>
        DecideAsync(resolution.UndoAsync, () => $"The link is undone: {Described.FullName} in contact {ContactReference} has their own record again.", ct);

    private async Task<IActionResult> DecideAsync(Func<PossibleExistingRecord, CancellationToken, Task<string?>> decide, Func<string> done, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (await decide(Suggestion, ct) is { } error)
        {
            ModelState.AddModelError(string.Empty, error);
            return Page();
        }

        this.Banner(done());
        return Redirect($"/Screening/{Suggestion.ContactId}#known");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Suggestion = HttpContext.Record<PossibleExistingRecord>();
        var ids = new[] { Suggestion.PersonId, Suggestion.CandidateId };
        var persons = await db.Persons.AsNoTracking().Include(p => p.Addresses).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        if (persons.Count != 2)
        {
            return false;
        }

        Described = persons.Single(p => p.Id == Suggestion.PersonId);
        Existing = persons.Single(p => p.Id == Suggestion.CandidateId);
        ContactReference = await db.Contacts.Where(c => c.Id == Suggestion.ContactId).Select(c => c.Reference).SingleAsync(ct);
        Match = await index.CompareAsync(db, Described, Existing, ct);
        ExistingContacts = await (from s in db.ContactSubjects
                                  join c in db.Contacts on s.ContactId equals c.Id
                                  where s.PersonId == Existing.Id && c.Id != Suggestion.ContactId
                                  orderby c.ReceivedAtUtc descending
                                  select new EarlierContact(c.Id, c.Reference, c.ReceivedAtUtc)).Take(20).ToListAsync(ct);
        db.Audit(AuditActions.ViewPerson, targetType: "Person", targetId: Existing.Id.ToString(), subjects: ids, purpose: "Screening: is this child already known?");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
