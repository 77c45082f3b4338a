namespace OpenMash.Web.Features.Shared.SubjectAccess;

public sealed record SarField(string Label, string Value);
