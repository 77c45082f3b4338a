namespace OpenMash.Web.Features.Checks;

/// <summary>The answer form (first answer or correction): one section per person of the check, then the summary.</summary>
public sealed record AnswerFormView(IReadOnlyList<CheckPersonView> People, IReadOnlyList<PersonAnswerForm> Forms, string? Summary, string? Details)
{
    public const int ItemSlots = 3;

    /// <summary>The form's fields in page order, for the error summary.</summary>
    public static string[] FieldOrder(int people, params string[] first) =>
    [
        .. first,
        .. Enumerable.Range(0, people).SelectMany(i => new[] { $"People[{i}].Held", $"People[{i}].DomesticAbuse", $"People[{i}].DomesticAbuseText" }
            .Concat(Enumerable.Range(0, ItemSlots).Select(j => $"People[{i}].Items[{j}].Text"))),
        "Summary", "Details",
    ];

    /// <summary>The forms in the people's order, each with its slots, keeping what was posted for each person.</summary>
    public static List<PersonAnswerForm> Fill(IReadOnlyList<CheckPersonView> people, IReadOnlyList<PersonAnswerForm> posted) =>
        people.Select(p =>
        {
            var form = posted.FirstOrDefault(f => f.PersonId == p.Person.PersonId) ?? new PersonAnswerForm { PersonId = p.Person.PersonId };
            while (form.Items.Count < ItemSlots)
            {
                form.Items.Add(new ItemForm());
            }

            return form;
        }).ToList();
}
