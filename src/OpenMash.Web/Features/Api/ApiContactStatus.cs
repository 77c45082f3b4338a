namespace OpenMash.Web.Features.Api;

/// <summary>What the sending agency may know about its contact: never other agencies' check answers.</summary>
public sealed record ApiContactStatus(Guid Id, string Reference, string State, DateTime ReceivedAt, DateTime? DecidedAt, string? Outcome, string? OutcomeName);
