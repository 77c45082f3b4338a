namespace OpenMash.Web.Tests.Infrastructure;

/// <summary>Changes to a data sharing agreement through its pages: the reason and the confirmation in one post.</summary>
public static class AgreementSteps
{
    public const string Reason = "Fictional test reason: the agreement is no longer needed.";

    /// <summary>Posts <paramref name="change"/> (an AgreementChange name) with a reason, confirmed unless told otherwise.</summary>
    public static Task<HttpResponseMessage> ChangeAsync(PageClient client, Guid agreement, string change, string reason = Reason, bool confirmed = true) =>
        client.PostFormAsync("/Admin/Sharing/Create", [new("Change", change), new("Reason", reason), new("Confirmed", confirmed ? "true" : "false")], $"/Admin/Sharing/Change/{agreement}");

    public static Task<HttpResponseMessage> RevokeAsync(PageClient client, Guid agreement) => ChangeAsync(client, agreement, "Revoke");
}
