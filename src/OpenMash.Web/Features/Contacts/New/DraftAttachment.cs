namespace OpenMash.Web.Features.Contacts.New;

public sealed class DraftAttachment
{
    public Guid Id { get; set; }

    public required string FileName { get; set; }

    public required string ContentBase64 { get; set; }

    public long SizeBytes { get; set; }
}
