namespace OpenMash.Web.Features.Decisions;

public sealed record DipSampleRow(Guid Id, string Reference, DateTime? DecidedAtUtc, string Rationale, bool Mine, string? Note);
