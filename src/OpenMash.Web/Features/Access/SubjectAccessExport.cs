using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared.SubjectAccess;

namespace OpenMash.Web.Features.Access;

/// <summary>
/// Everything the hub holds about one person, for a subject access request, with third parties' details and items
/// their supplying agency withheld from the family (<see cref="ItemRestrictionPolicy.MayView"/> with
/// <see cref="Audience.FamilyOrSubjectAccess"/>) left out and listed. Output is one self-contained, accessible HTML
/// file (headings, tables with headers, no scripts or external files): screen readers read it, any browser prints it
/// to PDF, and nothing new is added to the build. The preview page shows the same HTML. Each feature writes the
/// sections for its own records (<see cref="ISubjectAccessSection"/>, registered in its <c>Add&lt;Feature&gt;()</c>);
/// this puts them in order and, last, takes other people's names out of every section.
/// </summary>
public sealed class SubjectAccessExport(OpenMashDbContext db, IEnumerable<ISubjectAccessSection> sections, TimeProvider time)
{
    private readonly IReadOnlyList<ISubjectAccessSection> _sections = [.. sections.OrderBy(s => s.Order)];

    /// <summary>
    /// Every entity type that holds information about a person, and how the export covers it, as the features'
    /// sections declare. A test fails when the model gains such a type that no section lists.
    /// </summary>
    public IReadOnlyDictionary<Type, string> Coverage => _sections.SelectMany(s => s.Covers).ToDictionary(c => c.Key, c => c.Value);

    /// <summary>
    /// Builds the document. The sections' reads of partner agencies' answers go through the sharing gate for
    /// <see cref="SharingPurpose.SubjectAccess"/>; the gate's audit rows are written by the caller's SaveChangesAsync.
    /// </summary>
    public async Task<SarDocument?> BuildAsync(Guid personId, CancellationToken ct = default)
    {
        var person = await db.Persons.AsNoTracking().Include(p => p.Addresses).SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }

        var contactIds = await db.ContactSubjects.AsNoTracking().Where(s => s.PersonId == personId).Select(s => s.ContactId).ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Include(c => c.Subjects).Include(c => c.Attachments)
            .Where(c => contactIds.Contains(c.Id)).OrderBy(c => c.ReceivedAtUtc).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name, a.Type }).ToDictionaryAsync(a => a.Id, a => (a.Name, a.Type), ct);
        var hubs = await db.Hubs.AsNoTracking().ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var sar = new SubjectAccessBuilder(person, contacts, agencies, hubs);
        foreach (var section in _sections)
        {
            await section.AddAsync(sar, ct);
        }

        // Last, over every section: other people's names wherever they appear in the text, typed or derived.
        var scrubbed = sar.ThirdParties.Scrub(sar.Sections, sar.Redactions);
        return new SarDocument(personId, person.FullName, hubs[person.HubId], time.GetUtcNow().UtcDateTime, db.Actor.UserName ?? "unknown", scrubbed, sar.Redactions);
    }

    /// <summary>The document's body content (sections and the list of withheld information), HTML-encoded.</summary>
    public static string RenderBody(SarDocument doc)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1 class=\"govuk-heading-l\">Information held about {e.Encode(doc.PersonName)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"govuk-body\">Held by {e.Encode(doc.HubName)}. Prepared {e.Encode(Time(doc.PreparedAtUtc))} for a subject access request. ");
        html.Append("Information about other people, and information a partner agency has said must not be given to the family, is left out; ");
        html.Append("what was left out and why is listed at the end.</p>");
        foreach (var section in doc.Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 class=\"govuk-heading-m\">{e.Encode(section.Title)}</h2>");
            if (section.Entries.Count == 0)
            {
                html.Append("<p class=\"govuk-body\">None held.</p>");
            }

            foreach (var entry in section.Entries)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3 class=\"govuk-heading-s\">{e.Encode(entry.Heading)}</h3><table class=\"govuk-table\"><tbody class=\"govuk-table__body\">");
                foreach (var f in entry.Fields)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{e.Encode(f.Label)}</th><td class=\"govuk-table__cell\">{e.Encode(f.Value)}</td></tr>");
                }

                html.Append("</tbody></table>");
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2 class=\"govuk-heading-m\" id=\"withheld\">Information withheld ({doc.Redactions.Count})</h2>");
        if (doc.Redactions.Count == 0)
        {
            html.Append("<p class=\"govuk-body\">Nothing was withheld.</p>");
        }
        else
        {
            html.Append("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--s\">What was left out of this document and why</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">What</th><th scope=\"col\" class=\"govuk-table__header\">Where</th><th scope=\"col\" class=\"govuk-table__header\">Why</th></tr></thead><tbody class=\"govuk-table__body\">");
            foreach (var r in doc.Redactions)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr class=\"govuk-table__row\" data-redaction><td class=\"govuk-table__cell\">{e.Encode(r.Kind)}</td><td class=\"govuk-table__cell\">{e.Encode(r.Where)}</td><td class=\"govuk-table__cell\">{e.Encode(r.Why)}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.ToString();
    }

    /// <summary>The downloadable file: one HTML document with its styles inline and nothing to fetch.</summary>
    public static string RenderDocument(SarDocument doc) =>
        "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>Information held about {HtmlEncoder.Default.Encode(doc.PersonName)}</title><style>" +
        "body{font-family:Arial,sans-serif;font-size:1rem;line-height:1.4;color:#0b0c0c;max-width:60rem;margin:1rem auto;padding:0 1rem}" +
        "h1{font-size:2rem}h2{font-size:1.5rem;margin-top:2rem;border-top:2px solid #0b0c0c;padding-top:.5rem}h3{font-size:1.15rem}" +
        "table{border-collapse:collapse;width:100%;margin-bottom:1rem}th,td{text-align:left;vertical-align:top;border-bottom:1px solid #b1b4b6;padding:.4rem}" +
        "th{width:30%}caption{text-align:left;font-weight:bold;padding:.4rem 0}@media print{h2{break-before:auto}}" +
        "</style></head><body><main>" + RenderBody(doc) + "</main></body></html>";

    private static string Time(DateTime utc) => SubjectAccessBuilder.Time(utc);
}
