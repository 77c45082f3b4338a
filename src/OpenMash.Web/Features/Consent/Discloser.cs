namespace OpenMash.Web.Features.Consent;

/// <summary>The agency that discloses information in a sharing decision; its processing picks the lawful condition.</summary>
public sealed record Discloser(Guid? AgencyId, string Name, AgencyType Type);
