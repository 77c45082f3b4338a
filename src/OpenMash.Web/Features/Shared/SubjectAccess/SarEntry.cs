namespace OpenMash.Web.Features.Shared.SubjectAccess;

public sealed record SarEntry(string Heading, IReadOnlyList<SarField> Fields);
