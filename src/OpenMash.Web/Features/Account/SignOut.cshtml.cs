using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Account;

/// <summary>Signing out ends the server-side session, so the cookie stops working even where it was copied.</summary>
public sealed class SignOutModel(SignInManager<AppUser> signIn, OpenMashDbContext db, TimeProvider time) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (Guid.TryParse(User.FindFirstValue(OpenMashClaims.SessionId), out var sessionId)
            && await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == db.Actor.UserId && s.EndedAtUtc == null) is { } session)
        {
            session.End(time.GetUtcNow().UtcDateTime, "signed out");
        }

        db.Audit(AuditActions.SignOut, targetType: "User", targetId: db.Actor.UserId?.ToString());
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
        return RedirectToPage("SignIn");
    }
}
