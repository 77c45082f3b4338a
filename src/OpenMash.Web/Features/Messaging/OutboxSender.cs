using System.Linq.Expressions;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Messaging;

/// <summary>
/// Takes the outbox to the mail server (or the pickup folder), across all hubs. A pass claims due messages with one
/// conditional UPDATE (state, lease owner and lease expiry, where the message is queued and due or its lease has
/// run out), then re-reads what this pass owns, so that two instances over one database never send one message
/// twice. Before each message the pass renews its lease (and skips the message if it has lost it). A message is
/// recorded as sent only once the server accepted it, and only then is the referrer's feedback recorded on the
/// contact. A refused recipient or message (SMTP 5xx) fails at once; anything else is retried with a doubling wait.
/// </summary>
public sealed partial class OutboxSender(IServiceScopeFactory scopes, TimeProvider time, IOptions<SmtpOptions> settings, ILogger<OutboxSender> log)
{
    private const string SystemName = "mailer";

    /// <summary>The transport of each pass; replaced by tests that need a server that misbehaves in a set way.</summary>
    public Func<SmtpOptions, IMessageTransport> Transports { get; set; } = o => o.UsesMailServer
        ? new SmtpTransport(o)
        : new PickupFolderTransport(o.EffectivePickupDirectory);

    /// <summary>One pass over the messages due now (at most <see cref="SmtpOptions.BatchSize"/>); returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var options = settings.Value;
        var owner = Guid.NewGuid();
        var lease = TimeSpan.FromSeconds(options.LeaseSeconds);
        List<Guid> mine;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Set(Actor.System(SystemName));
            var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
            var now = Now;
            var due = await db.Outbox.IgnoreQueryFilters().Where(Claimable(now)).OrderBy(o => o.NextAttemptAtUtc)
                .Select(o => o.Id).Take(options.BatchSize).ToListAsync(ct);
            if (due.Count == 0)
            {
                return 0;
            }

            // The claim: the condition is checked again on the row being updated (PostgreSQL re-reads a row another
            // transaction changed first; SQLite writes one at a time), so a message claimed meanwhile is left alone.
            await db.Outbox.IgnoreQueryFilters().Where(o => due.Contains(o.Id)).Where(Claimable(now))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(o => o.State, DeliveryState.Sending)
                        .SetProperty(o => o.LeaseOwner, owner)
                        .SetProperty(o => o.LeaseUntilUtc, now + lease)
                        .SetProperty(o => o.Attempts, o => o.Attempts + 1)
                        .SetProperty(o => o.LastAttemptAtUtc, now),
                    ct);
            mine = await db.Outbox.IgnoreQueryFilters().Where(o => o.LeaseOwner == owner)
                .OrderBy(o => o.NextAttemptAtUtc).Select(o => o.Id).ToListAsync(ct);
        }

        var sent = 0;
        await using var transport = Transports(options);
        foreach (var id in mine)
        {
            if (await SendOneAsync(id, owner, transport, options, ct))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>The words the pages use for a failure, and whether it is worth another attempt.</summary>
    public static (bool Permanent, string Reason) Describe(Exception e, string address) => e switch
    {
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } s when (int)s.StatusCode >= 500 =>
            (true, $"the mail server refused the address {s.Mailbox?.Address ?? address} ({(int)s.StatusCode}: {s.Message.Trim()})"),
        SmtpCommandException { ErrorCode: SmtpErrorCode.MessageNotAccepted } s when (int)s.StatusCode >= 500 =>
            (true, $"the mail server refused the message ({(int)s.StatusCode}: {s.Message.Trim()})"),
        SmtpCommandException s => (false, $"the mail server answered {(int)s.StatusCode}: {s.Message.Trim()}"),
        ParseException => (true, $"\"{address}\" is not an e-mail address"),
        SocketException s => (false, $"the mail server could not be reached ({s.SocketErrorCode})"),
        AuthenticationException => (false, "the mail server did not accept the user name and password in Smtp:UserName and Smtp:Password"),
        SslHandshakeException => (false, "a secure connection to the mail server could not be made (check Smtp:Security and the server's certificate)"),
        IOException or TimeoutException or ProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException =>
            (false, $"the connection to the mail server failed: {e.Message}"),
        UnauthorizedAccessException or DirectoryNotFoundException => (false, $"the pickup folder could not be written: {e.Message}"),
        _ => (false, e.Message),
    };

    /// <summary>The e-mail itself: subject and body as queued, then the link and where the message came from.</summary>
    public static MimeMessage Compose(OutboxMessage message, SmtpOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.ToAddress));
        mime.Subject = message.Subject;
        mime.MessageId = $"{message.Id:N}@openmash";
        mime.Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAtUtc, DateTimeKind.Utc));
        var link = message.LinkPath is null ? string.Empty : $"\n\nOpen it in OpenMash: {options.BaseUrl.TrimEnd('/')}{message.LinkPath}";
        mime.Body = new TextPart("plain")
        {
            Text = message.Body + link + "\n\nThis message was sent by OpenMash. It names a reference only: the details stay in the system.\n",
        };
        return mime;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static Expression<Func<OutboxMessage, bool>> Claimable(DateTime now) => o =>
        (o.State == DeliveryState.Queued && o.NextAttemptAtUtc <= now)
        || (o.State == DeliveryState.Sending && o.LeaseUntilUtc < now);

    private async Task<bool> SendOneAsync(Guid id, Guid owner, IMessageTransport transport, SmtpOptions options, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<CurrentActor>();
        actor.Set(Actor.System(SystemName));
        var db = scope.ServiceProvider.GetRequiredService<OpenMashDbContext>();
        var renewed = await db.Outbox.IgnoreQueryFilters()
            .Where(o => o.Id == id && o.LeaseOwner == owner && o.State == DeliveryState.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.LeaseUntilUtc, Now + TimeSpan.FromSeconds(options.LeaseSeconds)), ct);
        if (renewed == 0)
        {
            LogLeaseLost(log, id);
            return false;
        }

        var message = await db.Outbox.IgnoreQueryFilters().SingleAsync(o => o.Id == id, ct);
        actor.Set(Actor.System(SystemName, message.HubId));
        var sent = false;
        try
        {
            await transport.SendAsync(message, Compose(message, options), ct);
            var at = Now;
            message.Delivered(at, transport.Route);
            if (message.Kind == MessageKinds.ReferrerFeedback && message.ContactId is { } contactId
                && await db.Contacts.IgnoreQueryFilters().Include(c => c.Subjects).SingleOrDefaultAsync(c => c.Id == contactId, CancellationToken.None) is { } contact)
            {
                contact.FeedbackSentAtUtc ??= at;
            }

            sent = true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var (permanent, reason) = Describe(e, message.ToAddress);
            message.AttemptFailed(Now, reason, permanent, options.MaxAttempts, TimeSpan.FromSeconds(options.FirstRetrySeconds), TimeSpan.FromMinutes(options.LongestRetryMinutes));
            LogAttemptFailed(log, message.Id, message.Attempts, message.State == DeliveryState.Failed, reason);
        }

        try
        {
            // Not cancelled once the server has answered: a message it accepted must be recorded as sent.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogLeaseLost(log, id);
            return false;
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id}: attempt {Attempt} failed (given up: {GivenUp}): {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, Guid id, int attempt, bool givenUp, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id}: another sender holds it now (this pass ran past its lease), so this pass leaves it")]
    private static partial void LogLeaseLost(ILogger logger, Guid id);
}
