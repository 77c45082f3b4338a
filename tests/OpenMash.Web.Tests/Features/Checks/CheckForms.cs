using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Checks;

/// <summary>Answer forms for a check as a researcher posts them: one section per person the check asks about.</summary>
public static class CheckForms
{
    /// <summary>The people a check asks about, in the page's order.</summary>
    public static Task<List<CheckPerson>> PeopleAsync(OpenMashFactory factory, Guid checkId) =>
        factory.WithDbAsync(db => db.CheckPeople.IgnoreQueryFilters().Where(p => p.CheckId == checkId).OrderBy(p => p.Position).ToListAsync());

    /// <summary>Nothing held about anyone (and no domestic abuse history about any adult).</summary>
    public static async Task<List<KeyValuePair<string, string>>> NothingHeldAsync(OpenMashFactory factory, Guid checkId, string? summary = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var people = await PeopleAsync(factory, checkId);
        for (var i = 0; i < people.Count; i++)
        {
            fields.AddRange(Person(i, people[i], held: false));
        }

        if (summary is not null)
        {
            fields.Add(new("Summary", summary));
        }

        return fields;
    }

    /// <summary>Items held about the first child, with their restrictions; nothing held about anyone else.</summary>
    public static async Task<List<KeyValuePair<string, string>>> HeldAboutFirstChildAsync(OpenMashFactory factory, Guid checkId, string summary, params (string Text, string[] Restrictions)[] items)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Summary", summary) };
        var people = await PeopleAsync(factory, checkId);
        var first = people.FindIndex(p => !p.AsAdult);
        for (var i = 0; i < people.Count; i++)
        {
            fields.AddRange(Person(i, people[i], held: i == first));
            if (i == first)
            {
                fields.AddRange(Items(i, items));
            }
        }

        return fields;
    }

    public static List<KeyValuePair<string, string>> Person(int i, CheckPerson person, bool held, bool? domesticAbuse = false) =>
    [
        new($"People[{i}].PersonId", person.PersonId.ToString()),
        new($"People[{i}].Held", held ? "true" : "false"),
        .. person.AsAdult && domesticAbuse is { } da ? [new KeyValuePair<string, string>($"People[{i}].DomesticAbuse", da ? "true" : "false")] : Array.Empty<KeyValuePair<string, string>>(),
    ];

    public static IEnumerable<KeyValuePair<string, string>> Items(int i, params (string Text, string[] Restrictions)[] items) =>
        items.SelectMany((item, j) => new[] { new KeyValuePair<string, string>($"People[{i}].Items[{j}].Text", item.Text) }
            .Concat(item.Restrictions.Select(r => new KeyValuePair<string, string>($"People[{i}].Items[{j}].Restrictions", r))));
}
