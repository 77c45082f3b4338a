namespace OpenMash.Web.Features.Access;

public sealed record OtherHubContact(string Reference, DateTime ReceivedAtUtc, string Status);
