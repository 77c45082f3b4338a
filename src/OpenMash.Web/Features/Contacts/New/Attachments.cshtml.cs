using Microsoft.AspNetCore.Mvc;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>Step 8: files sent with the contact, each checked as it is uploaded and kept in the draft.</summary>
public sealed class AttachmentsModel(DraftStore drafts, TimeProvider time) : IntakeStepModel(drafts, time)
{
    public override string Step => IntakeSteps.Attachments;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? command, IFormFile? upload, CancellationToken ct)
    {
        if (command == "upload" || (command is null && upload is not null))
        {
            return await UploadAsync(upload, ct);
        }

        if (command?.StartsWith("remove-", StringComparison.Ordinal) == true && Guid.TryParse(command[7..], out var attachmentId))
        {
            Form.Attachments.RemoveAll(a => a.Id == attachmentId);
            await SaveDraftAsync(ct);
            return Redirect(IntakeSteps.Url(Step));
        }

        return await SaveAndContinueAsync(ct);
    }

    private async Task<IActionResult> UploadAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("Upload", "Select a file to upload");
            return Page();
        }

        if (upload.Length > ContactService.MaxAttachmentBytes)
        {
            ModelState.AddModelError("Upload", $"{Path.GetFileName(upload.FileName)} must be smaller than 10 MB");
            return Page();
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var name = Path.GetFileName(upload.FileName);
        var probe = new NewContact { Attachments = [new NewAttachment(name, upload.ContentType, content)] };
        var error = ContactService.Validate(probe, Now).FirstOrDefault(e => e.Field == "Attachments[0]");
        if (error is not null)
        {
            ModelState.AddModelError("Upload", error.Message);
            return Page();
        }

        Form.Attachments.Add(new DraftAttachment { Id = Guid.NewGuid(), FileName = name, ContentBase64 = Convert.ToBase64String(content), SizeBytes = content.Length });
        await SaveDraftAsync(ct);
        return Redirect(IntakeSteps.Url(Step));
    }
}
