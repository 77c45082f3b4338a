using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.DataSharing;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Admin.Sharing;

/// <summary>
/// Proposes an agreement in two steps: the form, then a check of the answers (confirm). It takes effect at once only
/// when this hub owns the data (the source hub); otherwise it waits for the data owner's administrator or IG officer.
/// </summary>
public sealed class CreateModel(AgreementService agreements, OpenMashDbContext db, TimeProvider time) : PageModel
{
    public static readonly string[] FieldOrder = ["Name", "Effect", "Source", "SourceHub", "Destination", "DestinationHub", "Category", "Purpose", "Mode", "ValidFrom", "ValidUntil", "Reason"];

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>Set by the check-your-answers step's button: without it a valid form shows that step.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>Showing the check-your-answers step.</summary>
    public bool Checking { get; private set; }

    /// <summary>Whether this hub owns the data, so that the agreement would take effect without another hub's approval.</summary>
    public bool OwnedHere { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Effect { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public string? SourceHub { get; set; }

    [BindProperty]
    public string? Destination { get; set; }

    [BindProperty]
    public string? DestinationHub { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public string? Mode { get; set; }

    public DateParts ValidFrom { get; private set; } = new();

    public DateParts ValidUntil { get; private set; } = new();

    public IReadOnlyList<(string Value, string Text)> Parties { get; private set; } = [];

    public IReadOnlyList<(string Value, string Text)> Hubs { get; private set; } = [];

    public string Text(IEnumerable<(string Value, string Text)> options, string? value) => options.FirstOrDefault(o => o.Value == value).Text ?? string.Empty;

    public async Task OnGetAsync()
    {
        ValidFrom = DateParts.From(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        SourceHub = DestinationHub = db.Actor.HubId?.ToString();
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        ValidFrom = DateParts.Read(Request.Form, nameof(ValidFrom));
        ValidUntil = DateParts.Read(Request.Form, nameof(ValidUntil));
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            ModelState.AddModelError(nameof(Name), "Enter a name for the agreement, 200 characters or fewer");
        }

        ModelState.CheckText(Name, nameof(Name), 200, "The agreement's name");

        var effect = Parse<AgreementEffect>(Effect, nameof(Effect), "Select whether the agreement allows or denies sharing");
        var source = Party(Source, nameof(Source), "Select who shares");
        var destination = Party(Destination, nameof(Destination), "Select who receives");
        var sourceHub = Hub(SourceHub, nameof(SourceHub), "Select the hub of the agency that shares");
        var destinationHub = Hub(DestinationHub, nameof(DestinationHub), "Select the hub of the agency that receives");
        if (sourceHub is not null && destinationHub is not null && sourceHub != db.Actor.HubId && destinationHub != db.Actor.HubId)
        {
            ModelState.AddModelError(nameof(SourceHub), "One side of the agreement must be this hub");
        }

        var category = Parse<DataCategory>(Category, nameof(Category), "Select the kind of data");
        var purpose = Parse<SharingPurpose>(Purpose, nameof(Purpose), "Select the purpose");
        var mode = Parse<SharingMode>(Mode, nameof(Mode), "Select whether the content is shared or only that the agency knows the child");
        var from = ValidFrom.Parse(out var fromValid);
        var until = ValidUntil.Parse(out var untilValid);
        if (!fromValid || from is null)
        {
            ModelState.AddModelError(nameof(ValidFrom), "Enter the date the agreement starts, like 1 4 2026");
        }

        if (!untilValid)
        {
            ModelState.AddModelError(nameof(ValidUntil), "The end date must be a real date, like 31 3 2027");
        }
        else if (until is not null && from is not null && until <= from)
        {
            ModelState.AddModelError(nameof(ValidUntil), "The end date must be after the start date");
        }

        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > 1000)
        {
            ModelState.AddModelError(nameof(Reason), "Enter why the agreement is needed, 1,000 characters or fewer");
        }

        ModelState.CheckText(Reason, nameof(Reason), 1000, "The reason");

        if (!ModelState.IsValid || !Confirmed || Request.Form.ContainsKey("Edit"))
        {
            Checking = ModelState.IsValid && !Request.Form.ContainsKey("Edit");
            OwnedHere = sourceHub == db.Actor.HubId;
            return Page();
        }

        // Each answer below is given unless the model state holds its error.
        if ((effect, source, destination, sourceHub, destinationHub, category, purpose, mode, from)
            is not ({ } chosenEffect, { } sharer, { } receiver, { } fromHub, { } toHub, { } chosenCategory, { } chosenPurpose, { } chosenMode, { } startsOn))
        {
            return Page();
        }

        var outcome = await agreements.ProposeAsync(new DataSharingAgreement
        {
            Name = Name!.Trim(),
            Effect = chosenEffect,
            SourceAgencyId = sharer.Agency,
            SourceAgencyType = sharer.Type,
            SourceHubId = fromHub,
            DestinationAgencyId = receiver.Agency,
            DestinationAgencyType = receiver.Type,
            DestinationHubId = toHub,
            Category = chosenCategory,
            Purpose = chosenPurpose,
            Mode = chosenMode,
            ValidFromUtc = startsOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            ValidUntilUtc = until?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        }, Reason!);
        return RedirectToPage("Done", new { id = outcome.Agreement.Id, change = "Propose", queued = outcome.EmailsQueued });
    }

    private T? Parse<T>(string? value, string field, string message)
        where T : struct, Enum
    {
        if (Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        ModelState.AddModelError(field, message);
        return null;
    }

    private (Guid? Agency, OpenMash.Sharing.AgencyType? Type)? Party(string? value, string field, string message)
    {
        if (value?.StartsWith("agency:", StringComparison.Ordinal) == true && Guid.TryParse(value[7..], out var agency) && Parties.Any(p => p.Value == value))
        {
            return (agency, null);
        }

        if (value?.StartsWith("type:", StringComparison.Ordinal) == true && Enum.TryParse<OpenMash.Sharing.AgencyType>(value[5..], out var type) && Enum.IsDefined(type))
        {
            return (null, type);
        }

        ModelState.AddModelError(field, message);
        return null;
    }

    private Guid? Hub(string? value, string field, string message)
    {
        if (Guid.TryParse(value, out var hub) && Hubs.Any(h => h.Value == value))
        {
            return hub;
        }

        ModelState.AddModelError(field, message);
        return null;
    }

    private async Task LoadAsync()
    {
        var agencies = await db.Agencies.OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync();
        Parties = Enum.GetValues<OpenMash.Sharing.AgencyType>().Select(t => ($"type:{t}", t.AnyOfType()))
            .Concat(agencies.Select(a => ($"agency:{a.Id}", a.Name))).ToList();
        Hubs = (await db.Hubs.OrderBy(h => h.Name).Select(h => new { h.Id, h.Name }).ToListAsync()).Select(h => (h.Id.ToString(), h.Name)).ToList();
    }
}
