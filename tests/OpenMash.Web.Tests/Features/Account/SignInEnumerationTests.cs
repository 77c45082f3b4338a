using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenMash.Web.Features.Account;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Account;

/// <summary>The application with a password hasher that counts how many hashes it checks.</summary>
public sealed class CountingHasherFactory : OpenMashFactory
{
    public HashCounter Counter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Counter);
            services.Replace(ServiceDescriptor.Scoped<IPasswordHasher<AppUser>, CountingPasswordHasher>());
        });
    }
}

public sealed class HashCounter
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public void Count() => Interlocked.Increment(ref _verifications);
}

public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options, HashCounter counter) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new(options);

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        counter.Count();
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>Finding 9: the sign-in page answers an unknown name, a locked account and a wrong password alike.</summary>
public sealed class SignInEnumerationTests(CountingHasherFactory factory) : IClassFixture<CountingHasherFactory>
{
    private async Task<(int Hashes, string? Summary, HttpStatusCode Status)> AttemptAsync(string userName, string password)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        var (form, _) = await client.GetPageAsync("/Account/SignIn");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var before = factory.Counter.Verifications;
        var response = await client.PostFormAsync("/Account/SignIn", [new("UserName", userName), new("Password", password)]);
        var hashes = factory.Counter.Verifications - before;
        var page = await PageClient.ParseAsync(response);
        return (hashes, page.QuerySelector(".govuk-error-summary")?.OuterHtml, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithAnUnknownName_ChecksAHashAndGivesTheWrongDetailsMessage()
    {
        var (hashes, summary, status) = await AttemptAsync("no.such.person", "some-password-123");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, hashes);
        Assert.Contains(SignInModel.FailedMessage, summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ToALockedAccountAndAnUnknownName_GiveTheSameAnswerAndTheSameWork()
    {
        await factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "staffs.analyst");
            user.LockoutEnabled = true;
            user.LockoutEnd = factory.Clock.GetUtcNow().AddHours(1);
            return await db.SaveChangesAsync();
        });

        var locked = await AttemptAsync("staffs.analyst", OpenMashFactory.DemoPassword);
        var unknown = await AttemptAsync("staffs.nobody", OpenMashFactory.DemoPassword);
        var wrong = await AttemptAsync("staffs.ig", "not-the-password-1");

        Assert.Equal(unknown.Summary, locked.Summary);
        Assert.Equal(unknown.Summary, wrong.Summary);
        Assert.Equal((1, 1, 1), (locked.Hashes, unknown.Hashes, wrong.Hashes));
        Assert.DoesNotContain("locked", locked.Summary?.Replace(SignInModel.FailedMessage, string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SignInLockedOut && e.UserName == "staffs.analyst")));
    }
}
