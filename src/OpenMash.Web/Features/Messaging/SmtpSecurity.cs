namespace OpenMash.Web.Features.Messaging;

/// <summary>How the connection to the mail server is protected (<c>Smtp:Security</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP: only for a relay on the same machine or a test server.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS, which must succeed (port 587 by default).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465 by default).</summary>
    SslOnConnect,
}
