namespace OpenMash.Web.Features.Messaging;

/// <summary>
/// The <c>Smtp</c> settings. With no <see cref="Host"/> nothing goes to a mail server: each message is written as an
/// <c>.eml</c> file into <see cref="PickupDirectory"/> and recorded as written there, so the demo shows what would be sent.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public const string DefaultFrom = "OpenMash <no-reply@openmash.invalid>";

    /// <summary>The mail server; unset: the pickup folder.</summary>
    public string? Host { get; set; }

    /// <summary>0: 25 without TLS, 587 with STARTTLS, 465 with TLS on connect.</summary>
    public int Port { get; set; }

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = DefaultFrom;

    /// <summary>The site's address, put before each message's link.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Where messages are written when there is no <see cref="Host"/>; unset: <see cref="DefaultPickupDirectory"/>.</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>How often the background sender looks for due messages; 0 turns it off (the tests send passes themselves).</summary>
    public int SendEverySeconds { get; set; } = 10;

    /// <summary>Attempts before a message that keeps failing is given up (it stays on the outbox page, to be sent again).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait before the second attempt; each later wait doubles, up to <see cref="LongestRetryMinutes"/>.</summary>
    public int FirstRetrySeconds { get; set; } = 60;

    public int LongestRetryMinutes { get; set; } = 360;

    /// <summary>How long a sender holds a claimed message; renewed before each message, and longer than one attempt can take.</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>How long one exchange with the mail server may take.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Messages claimed in one pass.</summary>
    public int BatchSize { get; set; } = 20;

    public bool UsesMailServer => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port != 0 ? Port : Security switch
    {
        SmtpSecurity.None => 25,
        SmtpSecurity.SslOnConnect => 465,
        _ => 587,
    };

    /// <summary>The app's data folder: the user's local application data, or beside the app when there is none.</summary>
    public static string DefaultPickupDirectory
    {
        get
        {
            var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return Path.Combine(string.IsNullOrEmpty(data) ? AppContext.BaseDirectory : data, "OpenMash", "mail-pickup");
        }
    }

    public string EffectivePickupDirectory => string.IsNullOrWhiteSpace(PickupDirectory) ? DefaultPickupDirectory : PickupDirectory;
}
