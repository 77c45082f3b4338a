namespace OpenMash.Web.Features.Access;

public sealed record SarField(string Label, string Value);
