namespace OpenMash.Web.Features.Access;

public sealed record AccessRow(DateTime OccurredAtUtc, string? UserName, string? Role, string? Agency, string? Hub, string Action, string? Purpose, AuditOutcome Outcome, string? Detail);
