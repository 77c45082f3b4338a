using MimeKit;

namespace OpenMash.Web.Features.Messaging;

/// <summary>One sending pass's way out: a connection to the mail server, or the pickup folder.</summary>
public interface IMessageTransport : IAsyncDisposable
{
    DeliveryRoute Route { get; }

    /// <summary>Returns once the message is accepted (by the server, or written whole to the folder); throws otherwise.</summary>
    Task SendAsync(OutboxMessage message, MimeMessage mime, CancellationToken ct);
}
