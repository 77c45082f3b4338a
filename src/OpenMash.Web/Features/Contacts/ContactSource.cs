namespace OpenMash.Web.Features.Contacts;

/// <summary>
/// Who is sending a contact: hub staff, a referrer's own account, or an agency system. <see cref="ReferrerUserId"/> is
/// only ever the signed-in referrer who made it on the referral page: an agency system authenticates as a client, not
/// as a named user, so its contacts belong to no user's account (the referrer's e-mail is only an address for feedback).
/// </summary>
public sealed record ContactSource(Guid? RecordedByUserId = null, Guid? ReferrerUserId = null, Guid? SourceAgencyId = null);
