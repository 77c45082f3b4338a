namespace OpenMash.Web.Features.Access;

public sealed record OtherHubContact(Guid Id, string Reference, DateTime ReceivedAtUtc, string Status);
