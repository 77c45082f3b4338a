namespace OpenMash.Web.Features.Contacts;

public sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, long SizeBytes, DateTime UploadedAtUtc)
{
    /// <summary>The person named in the contact the document is about, if it was added for one of them.</summary>
    public Guid? PersonId { get; init; }

    /// <summary>Added after the contact was recorded.</summary>
    public bool AddedLater { get; init; }
}
