namespace OpenMash.Web.Features.Api;

/// <summary>The answer to a post: the contact's id and the reference people quote.</summary>
public sealed record ApiContactReceipt(Guid Id, string Reference, string State, DateTime ReceivedAt);
