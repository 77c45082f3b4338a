namespace OpenMash.Web.Features.Consent;

public sealed record OverrideRow(ConsentOverrideRequest Override, string ContactReference);
