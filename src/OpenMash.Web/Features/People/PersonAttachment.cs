namespace OpenMash.Web.Features.People;

/// <summary>A document kept with a contact about this person, added for them (served through the contact's page).</summary>
public sealed record PersonAttachment(Guid ContactId, string Reference, Guid AttachmentId, string FileName, DateTime UploadedAtUtc);
