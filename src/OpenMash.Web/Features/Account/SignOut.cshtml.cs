using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Account;

public sealed class SignOutModel(SignInManager<AppUser> signIn, OpenMashDbContext db) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        db.Audit(AuditActions.SignOut, targetType: "User", targetId: db.Actor.UserId?.ToString());
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
        return RedirectToPage("SignIn");
    }
}
