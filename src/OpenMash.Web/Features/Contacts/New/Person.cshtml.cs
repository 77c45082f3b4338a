using Microsoft.AspNetCore.Mvc;
using OpenMash.Web.Features.Duplicates;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>
/// One child or adult of steps 3 and 4, at /Contacts/New/{children|adults}/{index}; the index one past the end adds a
/// person. Before a new person is kept the hub's likely existing records are offered (the match page).
/// </summary>
public sealed class PersonModel(DraftStore drafts, TimeProvider time, PossibleMatches matches) : IntakeStepModel(drafts, time)
{
    /// <summary>"children" or "adults", from the address.</summary>
    public override string Step => RouteData.Values["list"]?.ToString() ?? IntakeSteps.Children;

    public bool IsChild => Step == IntakeSteps.Children;

    public int Index { get; private set; }

    public PersonForm Person { get; private set; } = new();

    public override string BackUrl => IntakeSteps.Url(Step);

    private List<PersonForm> People => IsChild ? Form.Children : Form.Adults;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var role = SubjectRole.Child;
        if (!IsChild)
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
        var details = Person.ToNewPerson(errors, Now);
        foreach (var e in errors)
        {
            ModelState.AddModelError(e.Field, e.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Index < People.Count)
        {
            People[Index] = Person;
        }
        else
        {
            People.Add(Person);
        }

        await SaveDraftAsync(ct);

        // Before a new person is created, the hub's likely existing records are offered with the matcher's reasons.
        return (await matches.FindAsync(details, ct)).Count > 0
            ? Redirect($"/Contacts/New/Match/{Step}/{Index}")
            : Redirect(IntakeSteps.Url(Step));
    }

    protected override Task<IActionResult?> OnDraftLoadedAsync(CancellationToken ct)
    {
        Index = int.TryParse(RouteData.Values["index"]?.ToString(), out var index) ? index : -1;
        if (Index < 0 || Index > People.Count)
        {
            return Task.FromResult<IActionResult?>(NotFound());
        }

        Person = Index < People.Count ? People[Index] : new PersonForm { Role = IsChild ? SubjectRole.Child : SubjectRole.HouseholdMember };
        return Task.FromResult<IActionResult?>(null);
    }
}
