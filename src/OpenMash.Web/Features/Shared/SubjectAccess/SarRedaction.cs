namespace OpenMash.Web.Features.Shared.SubjectAccess;

/// <summary>One thing left out of the export: what kind of item, where, and why.</summary>
public sealed record SarRedaction(string Kind, string Where, string Why);
