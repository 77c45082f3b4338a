namespace OpenMash.Web.Features.Contacts;

/// <summary>Who is sending a contact: hub staff, a referrer's own account, or an agency system.</summary>
public sealed record ContactSource(Guid? RecordedByUserId = null, Guid? ReferrerUserId = null, Guid? SourceAgencyId = null);
