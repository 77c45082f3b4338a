using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Duplicates;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>One page of the staff intake flow. Every post saves the draft first, so a time-out loses nothing.</summary>
public sealed class StepModel(DraftStore drafts, ContactService contacts, TimeProvider time, OpenMashDbContext db, PossibleMatches matches) : PageModel
{
    public static readonly IReadOnlyList<string> Steps = ["received", "referrer", "children", "adults", "concerns", "details", "consent", "attachments", "check"];

    public static readonly IReadOnlyDictionary<string, string[]> StepFields = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["received"] = ["Channel", "ReceivedDate", "ReceivedTime"],
        ["referrer"] = ["ReferrerName", "ReferrerRole", "ReferrerAgency", "ReferrerPhone", "ReferrerEmail", "ReferrerRelationship", "ReferralSource"],
        ["children"] = ["Children"],
        ["adults"] = ["Adults"],
        ["concerns"] = ["Concerns"],
        ["details"] = ["WhatHappened", "ReferrerRequest", "ChildsVoice", "AdditionalNeeds"],
        ["consent"] = ["FamilyAware", "FamilyConsented", "NoConsentReason", "ReferrerSpokenTo"],
        ["attachments"] = ["Attachments", "Upload"],
    };

    public static readonly string[] PersonFields =
        ["Role", "GivenNames", "FamilyName", "DateOfBirth", "ExpectedDeliveryDate", "Sex", "NhsNumber", "Upn", "EthnicityCode", "AddressLine1", "Town", "Postcode"];

    public string Step { get; private set; } = "received";

    public int? Index { get; private set; }

    public ContactForm Form { get; private set; } = new();

    public PersonForm? Person { get; private set; }

    public IReadOnlyList<ValidationError> SubmitErrors { get; private set; } = [];

    public static string StepOf(string field)
    {
        var root = field.Split('[', '.')[0];
        return StepFields.FirstOrDefault(kv => kv.Value.Contains(root)).Key ?? "check";
    }

    public async Task<IActionResult> OnGetAsync(string step, int? index, CancellationToken ct)
    {
        if (await LoadAsync(step, index, ct) is { } result)
        {
            return result;
        }

        if (step is "children" && index is null && Form.Children.Count == 0)
        {
            return Redirect("/Contacts/New/children/0");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string step, int? index, string? command, IFormFile? upload, CancellationToken ct)
    {
        if (await LoadAsync(step, index, ct) is { } result)
        {
            return result;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var form = Request.Form;
        string? Text(string name) => form[name].ToString().Trim() is { Length: > 0 } v ? v : null;
        switch (step)
        {
            case "received":
                Form.Channel = Text("Channel");
                Form.ReceivedDate = Shared.DateParts.Read(form, "ReceivedDate");
                Form.ReceivedTime = Text("ReceivedTime");
                break;
            case "referrer":
                Form.ReferrerName = Text("ReferrerName");
                Form.ReferrerRole = Text("ReferrerRole");
                Form.ReferrerAgency = Text("ReferrerAgency");
                Form.ReferrerPhone = Text("ReferrerPhone");
                Form.ReferrerEmail = Text("ReferrerEmail");
                Form.ReferrerRelationship = Text("ReferrerRelationship");
                Form.ReferralSource = Text("ReferralSource");
                break;
            case "children" or "adults" when index is not null:
                return await SavePersonAsync(step, index.Value, now, ct);
            case "children" or "adults":
                var list = step == "children" ? Form.Children : Form.Adults;
                if (command?.StartsWith("remove-", StringComparison.Ordinal) == true && int.TryParse(command[7..], out var remove) && remove >= 0 && remove < list.Count)
                {
                    list.RemoveAt(remove);
                    await drafts.SaveAsync(Form, ct);
                    return Redirect($"/Contacts/New/{step}");
                }

                break;
            case "concerns":
                Form.Concerns = form["Concerns"].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).Distinct().ToList();
                break;
            case "details":
                Form.WhatHappened = Text("WhatHappened");
                Form.ReferrerRequest = Text("ReferrerRequest");
                Form.ChildsVoice = Text("ChildsVoice");
                Form.AdditionalNeeds = Text("AdditionalNeeds");
                break;
            case "consent":
                Form.FamilyAware = Text("FamilyAware");
                Form.FamilyConsented = Text("FamilyConsented");
                Form.NoConsentReason = Form.FamilyConsented == "no" ? Text("NoConsentReason") : null;
                Form.ReferrerSpokenTo = Text("ReferrerSpokenTo");
                break;
            case "attachments":
                if (command == "upload" || (command is null && upload is not null))
                {
                    return await UploadAsync(upload, now, ct);
                }

                if (command?.StartsWith("remove-", StringComparison.Ordinal) == true && Guid.TryParse(command[7..], out var attachmentId))
                {
                    Form.Attachments.RemoveAll(a => a.Id == attachmentId);
                    await drafts.SaveAsync(Form, ct);
                    return Redirect("/Contacts/New/attachments");
                }

                break;
            case "check":
                return await SubmitAsync(now, ct);
        }

        await drafts.SaveAsync(Form, ct);
        var errors = Form.Validate(now).Where(e => StepOf(e.Field) == step && !e.Field.Contains('[', StringComparison.Ordinal)).ToList();
        if (step == "children" && Form.Children.Count == 0)
        {
            errors.Add(new("Children", "Add at least one child"));
        }

        foreach (var e in errors)
        {
            ModelState.AddModelError(e.Field, e.Message);
        }

        return ModelState.IsValid ? Redirect(Next(step)) : Page();
    }

    private string Next(string step) =>
        Form.ReachedCheck ? "/Contacts/New/check" : "/Contacts/New/" + Steps[Math.Min(Steps.Count - 1, Steps.ToList().IndexOf(step) + 1)];

    private async Task<IActionResult?> LoadAsync(string step, int? index, CancellationToken ct)
    {
        Step = step;
        Index = index;
        if (!Steps.Contains(step) || (index is not null && step is not ("children" or "adults")))
        {
            return NotFound();
        }

        var form = await drafts.LoadAsync(ct);
        if (form is null)
        {
            if (step != "received")
            {
                return Redirect("/Contacts/New");
            }

            form = new ContactForm();
            form.SetReceivedNow(time.GetUtcNow().UtcDateTime);
        }

        Form = form;
        if (step == "check" && !Form.ReachedCheck)
        {
            Form.ReachedCheck = true;
            await drafts.SaveAsync(Form, ct);
        }

        if (index is { } i)
        {
            var list = step == "children" ? Form.Children : Form.Adults;
            if (i < 0 || i > list.Count)
            {
                return NotFound();
            }

            Person = i < list.Count ? list[i] : new PersonForm { Role = step == "children" ? SubjectRole.Child : SubjectRole.HouseholdMember };
        }

        return null;
    }

    private async Task<IActionResult> SavePersonAsync(string step, int index, DateTime now, CancellationToken ct)
    {
        var role = SubjectRole.Child;
        if (step == "adults")
        {
            if (Enum.TryParse<SubjectRole>(Request.Form["Role"].ToString(), out var chosen) && chosen is SubjectRole.HouseholdMember or SubjectRole.AssociatedAdult)
            {
                role = chosen;
            }
            else
            {
                role = SubjectRole.HouseholdMember;
                ModelState.AddModelError("Role", "Select whether they live in the household or are an associated adult");
            }
        }

        Person = PersonForm.Read(Request.Form, role);
        var errors = new List<ValidationError>();
        var details = Person.ToNewPerson(errors, now);
        foreach (var e in errors)
        {
            ModelState.AddModelError(e.Field, e.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var list = step == "children" ? Form.Children : Form.Adults;
        if (index < list.Count)
        {
            list[index] = Person;
        }
        else
        {
            list.Add(Person);
        }

        await drafts.SaveAsync(Form, ct);

        // Before a new person is created, the hub's likely existing records are offered with the matcher's reasons.
        return (await matches.FindAsync(details, ct)).Count > 0
            ? Redirect($"/Contacts/New/Match/{step}/{index}")
            : Redirect($"/Contacts/New/{step}");
    }

    private async Task<IActionResult> UploadAsync(IFormFile? upload, DateTime now, CancellationToken ct)
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
        var error = ContactService.Validate(probe, now).FirstOrDefault(e => e.Field == "Attachments[0]");
        if (error is not null)
        {
            ModelState.AddModelError("Upload", error.Message);
            return Page();
        }

        Form.Attachments.Add(new DraftAttachment { Id = Guid.NewGuid(), FileName = name, ContentBase64 = Convert.ToBase64String(content), SizeBytes = content.Length });
        await drafts.SaveAsync(Form, ct);
        return Redirect("/Contacts/New/attachments");
    }

    private async Task<IActionResult> SubmitAsync(DateTime now, CancellationToken ct)
    {
        var errors = Form.Validate(now);
        if (errors.Count == 0)
        {
            // The contact and the removal of its draft commit together, so a repeated submit cannot record it twice.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var (contact, serviceErrors) = await contacts.CreateAsync(Form.ToNewContact(now).Contact, new ContactSource(RecordedByUserId: db.Actor.UserId), ct);
            if (contact is not null)
            {
                await drafts.DeleteAsync(ct);
                await transaction.CommitAsync(ct);
                return Redirect($"/Contacts/New/Done/{contact.Id}");
            }

            errors = serviceErrors.ToList();
        }

        SubmitErrors = errors;
        ViewData["Error"] = true;
        return Page();
    }
}
