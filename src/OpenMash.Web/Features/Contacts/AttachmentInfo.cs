namespace OpenMash.Web.Features.Contacts;

public sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, long SizeBytes, DateTime UploadedAtUtc);
