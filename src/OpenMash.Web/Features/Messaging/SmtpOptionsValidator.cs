using Microsoft.Extensions.Options;
using MimeKit;

namespace OpenMash.Web.Features.Messaging;

/// <summary>Stops the service at start with settings that could not send a message (ValidateOnStart).</summary>
public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var problems = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            problems.Add("Smtp:Port must be between 1 and 65535 (or 0 for the usual port of Smtp:Security).");
        }

        if (!Enum.IsDefined(options.Security))
        {
            problems.Add("Smtp:Security must be None, StartTls or SslOnConnect.");
        }

        if (!MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            problems.Add("Smtp:From must be an e-mail address, like \"OpenMash <mash@example.gov.uk>\".");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            problems.Add("Smtp:BaseUrl must be the site's address, like https://mash.example.gov.uk.");
        }

        if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrWhiteSpace(options.UserName))
        {
            problems.Add("Smtp:Password is set without Smtp:UserName.");
        }

        if (options.MaxAttempts < 1 || options.FirstRetrySeconds < 1 || options.LongestRetryMinutes < 1 || options.BatchSize < 1 || options.SendEverySeconds < 0)
        {
            problems.Add("Smtp:MaxAttempts, Smtp:FirstRetrySeconds, Smtp:LongestRetryMinutes and Smtp:BatchSize must be at least 1, and Smtp:SendEverySeconds 0 or more.");
        }

        if (options.TimeoutSeconds < 1 || options.LeaseSeconds < options.TimeoutSeconds * 3)
        {
            problems.Add("Smtp:LeaseSeconds must be at least three times Smtp:TimeoutSeconds (at least 1), so that a sender never loses a message it is still sending.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
