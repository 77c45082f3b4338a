namespace OpenMash.Web.Features.Access;

public sealed record SarSection(string Title, IReadOnlyList<SarEntry> Entries);
