namespace OpenMash.Web.Features.Checks;

public sealed record CheckRow(Guid Id, string Reference, DateTime RequestedAtUtc, DateTime DueAtUtc, CheckStatus Status, bool Overdue);
