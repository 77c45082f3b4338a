namespace OpenMash.Web.Features.Consent;

public sealed record ConsentHistoryView(IReadOnlyList<RecordedConsent> Consents, IReadOnlyDictionary<Guid, string> Agencies);
