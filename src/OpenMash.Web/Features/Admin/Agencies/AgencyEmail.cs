using Microsoft.AspNetCore.Mvc.ModelBinding;
using MimeKit;

namespace OpenMash.Web.Features.Admin.Agencies;

/// <summary>An agency's e-mail address: optional (without one the agency is not chased by e-mail), else a single plain address.</summary>
public static class AgencyEmail
{
    public const string Field = "EmailAddress";

    public const int MaxLength = 320;

    /// <summary>The address to store (trimmed, or null when left empty), with an error added to <paramref name="modelState"/> when it is not an address.</summary>
    public static string? Check(ModelStateDictionary modelState, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var address = value.Trim();
        if (address.Length > MaxLength)
        {
            modelState.AddModelError(Field, $"E-mail address must be {MaxLength} characters or fewer");
        }
        else if (!MailboxAddress.TryParse(address, out var parsed) || !string.Equals(parsed.Address, address, StringComparison.Ordinal)
                 || address.IndexOf('@', StringComparison.Ordinal) is var at && (at <= 0 || !address[(at + 1)..].Contains('.', StringComparison.Ordinal) || address.EndsWith('.')))
        {
            modelState.AddModelError(Field, "Enter an e-mail address in the correct format, like mash.checks@example.gov.uk");
        }

        return address;
    }
}
