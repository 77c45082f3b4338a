namespace OpenMash.Web.Features.Contacts;

public sealed record NewAttachment(string FileName, string ContentType, byte[] Content);
