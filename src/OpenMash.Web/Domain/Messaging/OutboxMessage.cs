namespace OpenMash.Web.Domain.Messaging;

/// <summary>
/// An e-mail (feedback to a referrer, a chase to an agency, a notice to managers or administrators) and how its
/// delivery is going. It carries a reference and a link, never a child's details: the content stays in the system.
/// A sender claims it with a lease (<see cref="LeaseOwner"/> until <see cref="LeaseUntilUtc"/>), so that two
/// instances never send it twice; it is <see cref="DeliveryState.Sent"/> only once the server accepted it.
/// </summary>
public sealed class OutboxMessage : IHubScoped
{
    /// <summary>The longest error text kept from a failed attempt.</summary>
    public const int ErrorLength = 1000;

    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    /// <summary>One of <see cref="MessageKinds"/>.</summary>
    public required string Kind { get; set; }

    public Guid? ContactId { get; set; }

    /// <summary>The record the message is about, besides the contact: the check chased, the break-glass grant, the agreement.</summary>
    public Guid? RecordId { get; set; }

    public required string ToAddress { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    /// <summary>The page the message links to, from the site's root (the sender puts the site's address before it).</summary>
    public string? LinkPath { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DeliveryState State { get; set; } = DeliveryState.Queued;

    /// <summary>Attempts started, counted when a sender claims the message (so an attempt cut short by a crash counts).</summary>
    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    public DateTime? LastAttemptAtUtc { get; set; }

    /// <summary>The sending pass holding the message while it is <see cref="DeliveryState.Sending"/>; a concurrency token.</summary>
    public Guid? LeaseOwner { get; set; }

    public DateTime? LeaseUntilUtc { get; set; }

    public string? LastError { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public DeliveryRoute? Route { get; set; }

    /// <summary>The server accepted the message (or it was written to the pickup folder).</summary>
    public void Delivered(DateTime atUtc, DeliveryRoute route)
    {
        RefuseUnlessSending("recorded as sent");
        State = DeliveryState.Sent;
        SentAtUtc = atUtc;
        Route = route;
        LeaseOwner = null;
        LeaseUntilUtc = null;
    }

    /// <summary>
    /// An attempt failed. A permanent failure (the server refused the recipient or the message) or the last allowed
    /// attempt gives up; otherwise the next attempt waits twice as long as the one before, from
    /// <paramref name="firstRetry"/> up to <paramref name="longestRetry"/>.
    /// </summary>
    public void AttemptFailed(DateTime atUtc, string error, bool permanent, int maxAttempts, TimeSpan firstRetry, TimeSpan longestRetry)
    {
        RefuseUnlessSending("recorded as failed");
        LastError = error.Length <= ErrorLength ? error : error[..(ErrorLength - 1)] + "…";
        LeaseOwner = null;
        LeaseUntilUtc = null;
        if (permanent || Attempts >= maxAttempts)
        {
            State = DeliveryState.Failed;
            return;
        }

        State = DeliveryState.Queued;
        var wait = firstRetry * Math.Pow(2, Math.Min(Math.Max(Attempts - 1, 0), 30));
        NextAttemptAtUtc = atUtc + (wait < longestRetry ? wait : longestRetry);
    }

    /// <summary>An administrator sends a message that could not be sent again, with a fresh set of attempts.</summary>
    public void Resend(DateTime atUtc)
    {
        if (State != DeliveryState.Failed)
        {
            throw new InvalidOperationException($"Only a message that could not be sent can be sent again; this one is {State}.");
        }

        State = DeliveryState.Queued;
        Attempts = 0;
        NextAttemptAtUtc = atUtc;
    }

    /// <summary>The message's delivery in words, for the pages that say whether something was sent.</summary>
    public string StatusText(Func<DateTime, string> time) => State switch
    {
        DeliveryState.Sent => $"sent at {time(SentAtUtc!.Value)}, {Route?.DisplayName() ?? DeliveryRoute.MailServer.DisplayName()}",
        DeliveryState.Failed => $"could not be sent: {LastError}",
        _ when LastError is not null => $"queued at {time(CreatedAtUtc)}, not yet sent (attempt {Attempts} failed: {LastError}; trying again at {time(NextAttemptAtUtc)})",
        _ => $"queued at {time(CreatedAtUtc)}, not yet sent",
    };

    private void RefuseUnlessSending(string what)
    {
        if (State != DeliveryState.Sending)
        {
            throw new InvalidOperationException($"Message {Id} cannot be {what} while it is {State}: a sender must claim it first.");
        }
    }
}
