using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Features.Contacts.New;

namespace OpenMash.Web.Features.Referrals;

/// <summary>A professional outside the hub refers a concern about one child on one page.</summary>
public sealed class NewModel(OpenMashDbContext db, ContactService contacts, TimeProvider time) : PageModel
{
    public static readonly string[] FieldOrder =
    [
        "GivenNames", "FamilyName", "DateOfBirth", "ExpectedDeliveryDate", "Sex", "NhsNumber", "Upn", "EthnicityCode", "AddressLine1", "Town", "Postcode",
        "Concerns", "WhatHappened", "ReferrerRequest", "ChildsVoice", "AdditionalNeeds", "FamilyAware", "FamilyConsented", "NoConsentReason",
        "ReferrerRole", "ReferrerPhone", "ReferrerEmail", "ReferrerRelationship",
    ];

    public PersonForm Child { get; private set; } = new();

    public ContactForm Form { get; private set; } = new();

    public string ReferrerName { get; private set; } = string.Empty;

    public string AgencyName { get; private set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (_, email) = await LoadReferrerAsync(ct);
        Form.ReferrerEmail = email;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (agencyType, _) = await LoadReferrerAsync(ct);
        var form = Request.Form;
        string? Text(string name) => form[name].ToString().Trim() is { Length: > 0 } v ? v : null;
        Child = PersonForm.Read(form, SubjectRole.Child);
        Form = new ContactForm
        {
            Concerns = form["Concerns"].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).Distinct().ToList(),
            WhatHappened = Text("WhatHappened"),
            ReferrerRequest = Text("ReferrerRequest"),
            ChildsVoice = Text("ChildsVoice"),
            AdditionalNeeds = Text("AdditionalNeeds"),
            FamilyAware = Text("FamilyAware"),
            FamilyConsented = Text("FamilyConsented"),
            NoConsentReason = Text("FamilyConsented") == "no" ? Text("NoConsentReason") : null,
            ReferrerRole = Text("ReferrerRole"),
            ReferrerPhone = Text("ReferrerPhone"),
            ReferrerEmail = Text("ReferrerEmail"),
            ReferrerRelationship = Text("ReferrerRelationship"),
        };

        var now = time.GetUtcNow().UtcDateTime;
        var errors = new List<ValidationError>();
        var child = Child.ToNewPerson(errors, now);
        var concerns = Form.Concerns.Select(c => Enum.TryParse<ConcernCategory>(c, out var v) ? v : (ConcernCategory)(-1)).ToList();
        var input = new NewContact
        {
            Channel = ContactChannel.Portal,
            ReceivedAtUtc = now,
            ReferrerName = ReferrerName,
            ReferrerRole = Form.ReferrerRole,
            ReferrerAgency = AgencyName,
            ReferrerPhone = Form.ReferrerPhone,
            ReferrerEmail = Form.ReferrerEmail,
            ReferrerRelationship = Form.ReferrerRelationship,
            ConcernCategories = concerns,
            WhatHappened = Form.WhatHappened,
            ReferrerRequest = Form.ReferrerRequest,
            ChildsVoice = Form.ChildsVoice,
            AdditionalNeeds = Form.AdditionalNeeds,
            FamilyAware = ContactForm.YesNo(Form.FamilyAware),
            FamilyConsented = ContactForm.YesNo(Form.FamilyConsented),
            NoConsentReason = Form.NoConsentReason,
            ReferrerSpokenTo = false,
            ReferralSource = ReferralQueries.SourceFor(agencyType),
            People = [child],
        };
        foreach (var e in ContactService.Validate(input, now).Where(e => !e.Field.StartsWith("People[", StringComparison.Ordinal)))
        {
            errors.Add(e.Field == nameof(NewContact.ConcernCategories) ? e with { Field = "Concerns" } : e);
        }

        if (errors.Count == 0)
        {
            var source = new ContactSource(ReferrerUserId: db.Actor.UserId, SourceAgencyId: db.Actor.AgencyId);
            var (contact, serviceErrors) = await contacts.CreateAsync(input, source, ct);
            if (contact is not null)
            {
                return Redirect($"/Referrals/{contact.Id}");
            }

            errors.AddRange(serviceErrors);
        }

        foreach (var e in errors)
        {
            ModelState.AddModelError(e.Field, e.Message);
        }

        return Page();
    }

    private async Task<(AgencyType Type, string? Email)> LoadReferrerAsync(CancellationToken ct)
    {
        var userId = db.Actor.UserId;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.Email, AgencyName = u.Agency.Name, AgencyType = u.Agency.Type })
            .SingleAsync(ct);
        ReferrerName = user.DisplayName;
        AgencyName = user.AgencyName;
        return (user.AgencyType, user.Email);
    }
}
