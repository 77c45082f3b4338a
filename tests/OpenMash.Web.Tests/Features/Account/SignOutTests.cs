using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Account;

/// <summary>Finding 7: signing out ends the session on the server, so a copy of the cookie stops working too.</summary>
public sealed class SignOutTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task CopiedCookie_AfterSignOut_IsRedirectedToSignIn()
    {
        var browser = new PageClient(factory.CreateBrowserlessClient());
        var signedIn = await browser.PostFormAsync("/Account/SignIn", [new("UserName", "staffs.analyst"), new("Password", OpenMashFactory.DemoPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie")
            .Select(c => c.Split(';')[0])
            .Where(c => c.StartsWith("OpenMash", StringComparison.Ordinal) && !c.StartsWith("OpenMash.", StringComparison.Ordinal) && !c.EndsWith('=')));
        var copy = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Task<HttpResponseMessage> CopyGetsHomeAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
            request.Headers.Add("Cookie", cookies);
            return copy.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.OK, (await CopyGetsHomeAsync()).StatusCode);

        var signedOut = await browser.PostFormAsync("/", [], action: "/Account/SignOut");
        var afterwards = await CopyGetsHomeAsync();

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/Account/SignIn", afterwards.Headers.Location?.PathAndQuery ?? afterwards.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "staffs.analyst").Select(u => u.Id).SingleAsync());
        Assert.True(await factory.WithDbAsync(db => db.UserSessions.AnyAsync(s => s.UserId == userId && s.EndReason == "signed out")));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SessionEnded && e.UserName == "staffs.analyst")));
    }

    [Fact]
    public async Task SignIn_AfterSigningOut_StartsANewSessionThatWorks()
    {
        var browser = new PageClient(factory.CreateBrowserlessClient());
        await browser.SignInAsDemoAsync("stoke.analyst");
        await browser.PostFormAsync("/", [], action: "/Account/SignOut");

        await browser.SignInAsDemoAsync("stoke.analyst");

        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "stoke.analyst").Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await factory.WithDbAsync(db => db.UserSessions.CountAsync(s => s.UserId == userId && s.EndedAtUtc == null)));
    }
}
