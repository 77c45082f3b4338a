namespace OpenMash.Web.Domain.Messaging;

/// <summary>Where an e-mail in the outbox is on its way out.</summary>
public enum DeliveryState
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Queued,

    /// <summary>Claimed by one sender, which holds a lease on it until it has an answer from the server.</summary>
    Sending,

    /// <summary>The mail server accepted it (or it was written to the pickup folder).</summary>
    Sent,

    /// <summary>Given up: the server refused it, or every attempt failed. An administrator may send it again.</summary>
    Failed,
}
