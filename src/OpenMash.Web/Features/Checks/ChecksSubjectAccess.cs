using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.DataSharing;
using OpenMash.Web.Features.Shared.SubjectAccess;
using static OpenMash.Web.Features.Shared.SubjectAccess.SubjectAccessBuilder;

namespace OpenMash.Web.Features.Checks;

/// <summary>
/// Partner agencies' answers: another agency's answer only where an agreement for subject access lets this hub
/// release it (asked of <see cref="SharingGate"/>, whose audit rows the caller's SaveChangesAsync writes), and items
/// their supplier restricted from the family withheld (<see cref="ItemRestrictionPolicy.MayView"/>).
/// </summary>
public sealed class ChecksSubjectAccess(OpenMashDbContext db, SharingGate gate) : ISubjectAccessSection
{
    public int Order => 400;

    public IReadOnlyDictionary<Type, string> Covers { get; } = new Dictionary<Type, string>
    {
        [typeof(MultiAgencyCheck)] = "Information from partner agencies",
        [typeof(CheckItem)] = "Information from partner agencies (items restricted by the supplier withheld, items about other people withheld as third-party information)",
        [typeof(CheckPerson)] = "Information from partner agencies (whether each agency holds anything about the person)",
        [typeof(CheckCorrection)] = "Information from partner agencies (when an answer was corrected)",
    };

    public async Task AddAsync(SubjectAccessBuilder sar, CancellationToken ct)
    {
        var contactIds = sar.ContactIds;
        var checks = await db.Checks.AsNoTracking().Include(c => c.Items).Include(c => c.People).Include(c => c.Corrections).Where(c => contactIds.Contains(c.ContactId)).OrderBy(c => c.RequestedAtUtc).ToListAsync(ct);
        var entries = new List<SarEntry>();
        var subjectViewer = new ItemViewer(ViewerRole.DataSubject, new AgencyId(Guid.Empty), AgencyType.Other, Audience.FamilyOrSubjectAccess);
        foreach (var check in checks)
        {
            var agency = sar.Agencies.GetValueOrDefault(check.AgencyId) ?? "a partner agency";
            var where = $"Information from {agency} for contact {sar.Reference(check.ContactId)}";
            var fields = new List<SarField> { new("Asked", Time(check.RequestedAtUtc)), new("Answered", check.AnsweredAtUtc is { } at ? Time(at) : "Not yet") };
            if (check.AgencyId != db.Actor.AgencyId)
            {
                // The partner agency's answer is theirs to release: only an agreement for subject access lets this hub include it.
                var verdict = await gate.DecideAsync(
                    new ShareRequest(check.AgencyId, agency, check.HubId, CheckService.CategoryOf(sar.AgencyTypes.GetValueOrDefault(check.AgencyId, AgencyType.Other)),
                        SharingPurpose.SubjectAccess, nameof(MultiAgencyCheck), check.Id.ToString(), [sar.PersonId]),
                    ct: ct);
                if (!verdict.MaySeeContent)
                {
                    fields.Add(new("What they said", $"Withheld: {agency} has not agreed to release it in a subject access response"));
                    sar.Redactions.Add(new($"Information from {agency}", where, $"Withheld — {verdict.WhyNot}"));
                    entries.Add(new(where, fields));
                    continue;
                }
            }

            fields.AddRange([new("Known to them", YesNo(check.Known)), new("Summary", check.Summary ?? "None"), new("Details", check.Details ?? "None")]);
            if (check.People.FirstOrDefault(p => p.PersonId == sar.PersonId) is { Held: { } held } about)
            {
                fields.Add(new("About you", held ? "Holds information" : "Nothing held"));
                if (about.DomesticAbuseHeld is { } da)
                {
                    fields.Add(new("Domestic abuse history", da ? "Held" : "None held"));
                }
            }

            foreach (var correction in check.Corrections.OrderBy(x => x.CorrectedAtUtc))
            {
                fields.Add(new("Answer corrected", Time(correction.CorrectedAtUtc)));
            }

            var n = 0;
            foreach (var item in check.Items.Where(i => i.IsCurrent))
            {
                n++;
                if (item.PersonId is { } other && other != sar.PersonId)
                {
                    // What the agency holds about another person of the household is theirs, not the requester's.
                    fields.Add(new($"Item {n}", "Withheld: about another person"));
                    sar.Redactions.Add(new($"Item {n} supplied by {agency}", where, "Withheld: information about another person (third party)"));
                    continue;
                }

                var decision = ItemRestrictionPolicy.MayView(item.Restrictions, new AgencyId(check.AgencyId), subjectViewer);
                if (decision.Visible)
                {
                    fields.Add(new($"Item {n}", item.Text));
                }
                else
                {
                    fields.Add(new($"Item {n}", "Withheld by " + agency));
                    sar.Redactions.Add(new($"Item {n} supplied by {agency}", where, $"Withheld by {agency}: {decision.BlockedBy.DisplayName()}"));
                }
            }

            entries.Add(new(where, fields));
        }

        sar.Add("Information from partner agencies", entries);
    }
}
