using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace OpenMash.Web.Features.Account;

/// <summary>
/// One hash of a random password per application, made by the application's own hasher (so at the configured
/// PBKDF2 cost), for sign-in attempts that have no real hash to check.
/// </summary>
public sealed class DummyPasswordHash
{
    private string? _hash;

    public string For(IPasswordHasher<AppUser> hasher, AppUser placeholder) =>
        _hash ??= hasher.HashPassword(placeholder, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}
