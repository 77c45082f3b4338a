using Microsoft.AspNetCore.Mvc;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>Check your answers, then record the contact: every problem is listed with a link to the step that fixes it.</summary>
public sealed class CheckModel(DraftStore drafts, TimeProvider time, ContactService contacts, OpenMashDbContext db) : IntakeStepModel(drafts, time)
{
    public override string Step => IntakeSteps.Check;

    public IReadOnlyList<ValidationError> SubmitErrors { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = Now;
        var errors = Form.Validate(now);
        if (errors.Count == 0)
        {
            // The contact and the removal of its draft commit together, so a repeated submit cannot record it twice.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (contact, serviceErrors) = await contacts.CreateAsync(Form.ToNewContact(now).Contact, new ContactSource(RecordedByUserId: db.Actor.UserId), ct);
            if (contact is not null)
            {
                await DeleteDraftAsync(ct);
                await transaction.CommitAsync(ct);
                return Redirect($"/Contacts/New/Done/{contact.Id}");
            }

            errors = serviceErrors.ToList();
        }

        SubmitErrors = errors;
        ViewData["Error"] = true;
        return Page();
    }

    /// <summary>From here on, each step returns to this page.</summary>
    protected override async Task<IActionResult?> OnDraftLoadedAsync(CancellationToken ct)
    {
        if (!Form.ReachedCheck)
        {
            Form.ReachedCheck = true;
            await SaveDraftAsync(ct);
        }

        return null;
    }
}
