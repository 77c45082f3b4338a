using System.Text.RegularExpressions;

namespace OpenMash.Web.Features.Shared.SubjectAccess;

/// <summary>
/// The other people the records about a child name in their structured fields (who raised a concern, who answered
/// for consent, who received information, the other people on a contact, related people), and the pass that takes
/// their names, e-mail addresses and phone numbers out of every text of the subject access export, free text typed by
/// staff and text the system derived (reasons, notes) alike, putting their role in their place. Parts of a name that
/// are also part of the child's own names (a parent's family name) are not removed on their own, so the child's own
/// details stay whole; the full name still is.
/// </summary>
public sealed class SarThirdParties(IEnumerable<string?> ownNames)
{
    private const int ShortestNamePart = 3;

    private readonly HashSet<string> _own = new(
        ownNames.SelectMany(n => Words(n ?? string.Empty)), StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, string> _roleOf = new(StringComparer.OrdinalIgnoreCase);

    private readonly HashSet<string> _wholes = new(StringComparer.OrdinalIgnoreCase);

    private readonly HashSet<string> _parts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Someone else's e-mail address or phone number: removed only as a whole.</summary>
    public void AddContactDetail(string? text, string role)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            _roleOf.TryAdd(text.Trim(), role);
            _wholes.Add(text.Trim());
        }
    }

    /// <summary>Someone else named in a record, and their role: the full name, and each part not also the child's.</summary>
    public void Add(string? name, string role)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        var whole = name.Trim();
        _roleOf.TryAdd(whole, role);
        _wholes.Add(whole);
        foreach (var part in Words(whole).Where(p => p.Length >= ShortestNamePart && !_own.Contains(p)))
        {
            _roleOf.TryAdd(part, role);
            _parts.Add(part);
        }
    }

    /// <summary>
    /// The sections with every third party's name replaced by their role, each replacement listed as withheld; the
    /// places named in <paramref name="redactions"/> are cleaned in place.
    /// </summary>
    public IReadOnlyList<SarSection> Scrub(IReadOnlyList<SarSection> sections, List<SarRedaction> redactions)
    {
        if (_roleOf.Count == 0)
        {
            return sections;
        }

        // Longest first, so that a full name goes before its parts and an e-mail address before the name inside it.
        // Whole names and contact details match in any case; a single part of a name only as a name is written
        // (capitalised), so that "Rose" goes but "rose" in "the concern rose" stays.
        var pattern = new Regex(
            @"(?<![\p{L}\p{N}])(" + string.Join('|', _roleOf.Keys.OrderByDescending(k => k.Length).Select(Alternative)) + @")(?![\p{L}\p{N}])",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(2));
        // The list of withheld information quotes headings too: its places are cleaned the same way (not listed again).
        for (var i = 0; i < redactions.Count; i++)
        {
            redactions[i] = redactions[i] with { Where = pattern.Replace(redactions[i].Where, m => "[" + _roleOf[m.Value] + "]") };
        }

        return sections.Select(section => section with
        {
            Entries = section.Entries.Select(entry =>
            {
                var where = $"{section.Title}: {pattern.Replace(entry.Heading, m => "[" + _roleOf[m.Value] + "]")}";
                var heading = Replace(entry.Heading, where, "heading");
                return new SarEntry(heading, entry.Fields.Select(f => f with { Value = Replace(f.Value, where, f.Label) }).ToList());
            }).ToList(),
        }).ToList();

        string Replace(string text, string where, string field)
        {
            var replaced = false;
            var result = pattern.Replace(text, m =>
            {
                replaced = true;
                return "[" + _roleOf[m.Value] + "]";
            });
            if (replaced)
            {
                redactions.Add(new("Third party: another person's name or contact details in the text", $"{where} ({field})", "Information about another person, replaced by their role"));
            }

            return result;
        }
    }

    private string Alternative(string key) => _parts.Contains(key) && !_wholes.Contains(key) ? Regex.Escape(Capitalised(key)) : "(?i:" + Regex.Escape(key) + ")";

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string[] Words(string text) =>
        text.Split([' ', '\t', '\n', '\r', ',', '.', '(', ')', '\'', '"', '-', '/', '@'], StringSplitOptions.RemoveEmptyEntries);
}
