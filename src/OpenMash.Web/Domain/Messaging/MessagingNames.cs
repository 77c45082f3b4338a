namespace OpenMash.Web.Domain.Messaging;

public static class MessagingNames
{
    public static string DisplayName(this DeliveryState state) => state switch
    {
        DeliveryState.Queued => "Waiting to be sent",
        DeliveryState.Sending => "Being sent",
        DeliveryState.Sent => "Sent",
        _ => "Could not be sent",
    };

    public static string DisplayName(this DeliveryRoute route) => route switch
    {
        DeliveryRoute.MailServer => "accepted by the mail server",
        _ => "written to the pickup folder (not delivered: no mail server is set up)",
    };
}
