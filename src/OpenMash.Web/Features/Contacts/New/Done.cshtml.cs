using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Security;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>The confirmation after recording a contact: its reference, and a link to screen it for whoever may screen.</summary>
[AuditedAs(AuditActions.ViewContact, Purpose = "Recording a contact")]
public sealed class DoneModel(IAuthorizationService authorization) : PageModel
{
    public Guid Id { get; private set; }

    public string Reference { get; private set; } = string.Empty;

    /// <summary>The user may open the screening page (its folder's policy; the same record guard as this page's lets them at the contact).</summary>
    public bool MayScreen { get; private set; }

    public async Task OnGetAsync()
    {
        var contact = HttpContext.Record<Contact>();
        (Id, Reference) = (contact.Id, contact.Reference);
        MayScreen = !contact.IsDecided && (await authorization.AuthorizeAsync(User, Policies.CaseWork)).Succeeded;
    }
}
