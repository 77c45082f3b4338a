namespace OpenMash.Web.Features.Consent;

public static class ConsentDisplay
{
    /// <summary>What a consent covers, in words: agency types, named agencies and purposes.</summary>
    public static string Scope(RecordedConsent consent, IReadOnlyDictionary<Guid, string>? agencyNames)
    {
        var agencies = consent.AgencyTypes.Select(t => t.DisplayName())
            .Concat(consent.AgencyIds.Select(id => agencyNames?.GetValueOrDefault(id) ?? "a named agency"));
        return $"{string.Join(", ", agencies)}; for {string.Join(", ", consent.Purposes.Select(p => p.DisplayName().ToLowerInvariant()))}";
    }
}
