using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>The confirmation after recording a contact: its reference only.</summary>
[AuditedAs(AuditActions.ViewContact, Purpose = "Recording a contact")]
public sealed class DoneModel : PageModel
{
    public Guid Id { get; private set; }

    public string Reference { get; private set; } = string.Empty;

    public void OnGet()
    {
        var contact = HttpContext.Record<Contact>();
        (Id, Reference) = (contact.Id, contact.Reference);
    }
}
