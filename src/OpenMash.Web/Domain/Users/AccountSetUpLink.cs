namespace OpenMash.Web.Domain.Users;

/// <summary>
/// A one-time link with which a new account's holder sets their own password and enrols their second factor, so that
/// the administrator who added the account never knows its password. Only a SHA-256 hash of the token is stored; the
/// link works once, before <see cref="ExpiresAtUtc"/>.
/// </summary>
public sealed class AccountSetUpLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>Hex SHA-256 of the token in the link.</summary>
    public required string TokenHash { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? UsedAtUtc { get; set; }

    public bool IsUsable(DateTime nowUtc) => UsedAtUtc is null && nowUtc < ExpiresAtUtc;

    /// <summary>Spends the link; throws if it was used or has expired.</summary>
    public void Use(DateTime nowUtc)
    {
        if (!IsUsable(nowUtc))
        {
            throw new InvalidOperationException("This set-up link has been used or has expired.");
        }

        UsedAtUtc = nowUtc;
    }

    /// <summary>The stored form of a link's token.</summary>
    public static string Hash(string token) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
