namespace OpenMash.Web.Features.Screening;

public sealed record TimelineEvent(DateTime AtUtc, string Title, string? By, string? Description);
