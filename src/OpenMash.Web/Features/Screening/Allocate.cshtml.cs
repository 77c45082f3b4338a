using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Screening;

/// <summary>
/// Who has this contact: a manager allocates it (or reallocates it) to a screening social worker of the hub; a
/// screener takes it for themselves. A decided contact, or a worker of another hub, is refused (403, audited).
/// </summary>
[AuditedAs(AuditActions.AllocateContact, Purpose = "Screening")]
public sealed class AllocateModel(OpenMashDbContext db, ContactQueue queue, IAuthorizationService authorization) : PageModel
{
    public Contact Contact { get; private set; } = null!;

    public string? AllocatedTo { get; private set; }

    public IReadOnlyList<HubWorker> Workers { get; private set; } = [];

    public bool IsManager { get; private set; }

    /// <summary>The signed-in user may take the contact for themselves (a screener who does not already have it).</summary>
    public bool CanTake { get; private set; }

    [BindProperty]
    public Guid? WorkerId { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>A manager allocates the contact to the worker chosen.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!IsManager)
        {
            return Refused(await queue.RefuseAllocationAsync(Contact, "Only a MASH manager can allocate a contact to someone else; you can take it for yourself"));
        }

        if (WorkerId is not { } worker)
        {
            ModelState.AddModelError(nameof(WorkerId), "Select who to allocate this contact to");
            return Page();
        }

        return await AllocateAsync(worker);
    }

    /// <summary>A screener takes the contact for themselves.</summary>
    public async Task<IActionResult> OnPostTakeAsync()
    {
        await LoadAsync();
        return User.UserId() is { } me ? await AllocateAsync(me) : Forbid();
    }

    private async Task<IActionResult> AllocateAsync(Guid worker)
    {
        if (await queue.AllocateAsync(Contact, worker) is { } refusal)
        {
            return Refused(refusal);
        }

        var name = await db.Users.Where(u => u.Id == worker).Select(u => u.DisplayName).SingleOrDefaultAsync() ?? "the worker";
        this.Banner($"Contact {Contact.Reference} is allocated to {name}.");
        return Redirect($"/Screening/{Contact.Id}/Allocate");
    }

    private ForbidResult Refused(string why)
    {
        HttpContext.Features.Set(new RecordRefusal(why));
        return Forbid();
    }

    private async Task LoadAsync()
    {
        Contact = HttpContext.Record<Contact>();
        IsManager = (await authorization.AuthorizeAsync(User, Policies.Manager)).Succeeded;
        Workers = await queue.WorkersAsync();
        AllocatedTo = Contact.AllocatedToUserId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync() : null;
        var me = User.UserId();
        CanTake = !Contact.IsDecided && me is not null && Contact.AllocatedToUserId != me && Workers.Any(w => w.Id == me);
    }
}
