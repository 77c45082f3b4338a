namespace OpenMash.Web.Features.Screening;

public sealed record OpenInvolvement(string PersonName, InvolvementService Service, string Team, string? Worker, DateOnly OpenedOn);
