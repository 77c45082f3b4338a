using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared.SubjectAccess;
using static OpenMash.Web.Features.Shared.SubjectAccess.SubjectAccessBuilder;

namespace OpenMash.Web.Features.Screening;

/// <summary>The screening of each contact naming the person; another child's views are withheld.</summary>
public sealed class ScreeningSubjectAccess(OpenMashDbContext db) : ISubjectAccessSection
{
    public int Order => 300;

    public IReadOnlyDictionary<Type, string> Covers { get; } = new Dictionary<Type, string>
    {
        [typeof(ContactScreening)] = "Screening",
        [typeof(DecisionDueExtension)] = "More time for a decision",
        [typeof(ContactAllocation)] = "Who worked on the contact",
    };

    public async Task AddAsync(SubjectAccessBuilder sar, CancellationToken ct)
    {
        var contactIds = sar.ContactIds;
        var screenings = await db.Screenings.AsNoTracking().Where(s => contactIds.Contains(s.ContactId)).ToListAsync(ct);
        sar.Add("Screening", screenings.Select(s =>
        {
            var heading = $"Screening of contact {sar.Reference(s.ContactId)}";
            var child = sar.IsChildOn(s.ContactId);
            if (!child)
            {
                sar.Redactions.Add(new("Third party: the child's views, or why they were not sought", heading, "Information about another person"));
            }

            return new SarEntry(heading, [
                new("Screened", Time(s.ScreenedAtUtc)), new("Urgency", s.Rag.DisplayName()), new("Threshold", s.Threshold.DisplayName()),
                new("Why", s.ThresholdRationale), new("Child spoken to", s.ChildSpokenTo ? "Yes" : "No"),
                new("Child's views, or why not sought", child ? s.ChildViewsOrReason : "Withheld (third party)"),
                new("Consent", s.ConsentView == SafeguardingThreshold.AboveThreshold ? "Risk of harm: information may be shared without consent" : "Below the threshold: consent needed to share"), new("Consent reasoning", s.ConsentRationale),
                new("Lawful basis", s.LawfulBasis?.DisplayName() ?? "Not recorded"),
                new("Why shared without consent", s.WithoutConsentReason?.DisplayName() ?? "Not applicable")]);
        }).ToList());

        var extensions = await db.DecisionDueExtensions.AsNoTracking().Where(e => contactIds.Contains(e.ContactId)).OrderBy(e => e.ExtendedAtUtc).ToListAsync(ct);
        sar.Add("More time for a decision", extensions.Select(e => new SarEntry($"More time for the decision on contact {sar.Reference(e.ContactId)}", [
            new("Given", Time(e.ExtendedAtUtc)), new("Was due", Time(e.PreviousDueUtc)), new("Now due", Time(e.NewDueUtc)), new("Why", e.Reason)])).ToList());

        // Professionals acting in their role: the worker's name is disclosed, as on the timeline.
        var allocations = await db.ContactAllocations.AsNoTracking().Where(a => contactIds.Contains(a.ContactId)).OrderBy(a => a.AllocatedAtUtc)
            .Select(a => new { a.ContactId, a.AllocatedAtUtc, Worker = db.Users.Where(u => u.Id == a.ToUserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        sar.Add("Who worked on the contact", allocations.Select(a => new SarEntry($"Contact {sar.Reference(a.ContactId)} allocated", [
            new("When", Time(a.AllocatedAtUtc)), new("To", a.Worker ?? "A MASH worker")])).ToList());
    }
}
