namespace OpenMash.Web.Domain.Messaging;

/// <summary>How a sent e-mail left: to a mail server, or as a file in the pickup folder (the demo's default).</summary>
public enum DeliveryRoute
{
    MailServer,
    PickupFolder,
}
