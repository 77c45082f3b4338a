namespace OpenMash.Web.Features.Access;

public sealed record SarEntry(string Heading, IReadOnlyList<SarField> Fields);
