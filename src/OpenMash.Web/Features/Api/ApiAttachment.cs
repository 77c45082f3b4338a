using System.ComponentModel;

namespace OpenMash.Web.Features.Api;

public sealed class ApiAttachment
{
    [Description("The extension sets the type: .pdf, .png, .jpg, .jpeg, .txt, .eml or .docx.")]
    public string? FileName { get; init; }

    public string? ContentBase64 { get; init; }
}
