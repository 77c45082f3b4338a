using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace OpenMash.Web.Security;

/// <summary>
/// TOTP (RFC 6238) for authenticator apps, accepting each code once only: the time step of the last accepted
/// code is stored on the user and saved with Identity's concurrency stamp, so a replayed code, even one sent by
/// two requests at the same moment, is refused. The stock provider accepts a code again within its window.
/// </summary>
public sealed class OneTimeTotpProvider(TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = new string(token.Where(char.IsAsciiDigit).ToArray());
        if (string.IsNullOrEmpty(key) || code.Length != 6)
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, Window))
        {
            return false;
        }

        if (user.LastTotpTimeStep is { } last && step <= last)
        {
            return false;
        }

        user.LastTotpTimeStep = step;
        var saved = await manager.UpdateAsync(user);
        return saved.Succeeded;
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));
}
