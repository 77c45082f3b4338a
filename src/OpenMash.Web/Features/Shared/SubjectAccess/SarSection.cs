namespace OpenMash.Web.Features.Shared.SubjectAccess;

public sealed record SarSection(string Title, IReadOnlyList<SarEntry> Entries);
