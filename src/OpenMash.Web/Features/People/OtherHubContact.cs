namespace OpenMash.Web.Features.People;

public sealed record OtherHubContact(Guid Id, string Reference, DateTime ReceivedAtUtc, string Status);
