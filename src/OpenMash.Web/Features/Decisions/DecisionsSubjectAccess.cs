using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared.SubjectAccess;
using static OpenMash.Web.Features.Shared.SubjectAccess.SubjectAccessBuilder;

namespace OpenMash.Web.Features.Decisions;

/// <summary>The decisions on each contact naming the person, and any strategy discussion.</summary>
public sealed class DecisionsSubjectAccess(OpenMashDbContext db) : ISubjectAccessSection
{
    public int Order => 500;

    public IReadOnlyDictionary<Type, string> Covers { get; } = new Dictionary<Type, string>
    {
        [typeof(ContactDecision)] = "Decisions",
        [typeof(StrategyDiscussion)] = "Strategy discussions",
    };

    public async Task AddAsync(SubjectAccessBuilder sar, CancellationToken ct)
    {
        var contactIds = sar.ContactIds;
        var decisions = await db.Decisions.AsNoTracking().Where(d => contactIds.Contains(d.ContactId)).OrderBy(d => d.ProposedAtUtc).ToListAsync(ct);
        sar.Add("Decisions", decisions.Select(d => new SarEntry($"Decision on contact {sar.Reference(d.ContactId)}", [
            new("Outcome", d.Outcome.DisplayName()), new("Status", d.Status.DisplayName()), new("Proposed", Time(d.ProposedAtUtc)),
            new("Decided", d.DecidedAtUtc is { } at ? Time(at) : "Not yet"), new("Reasons", d.Rationale), new("Team", d.Team ?? "None"),
            new("Primary need", d.PrimaryNeed.DisplayName()), new("Manager's comment", d.ManagerComment ?? "None"),
            new("Quality check note", d.DipSampleNote ?? "None")])).ToList());

        var strategies = await db.StrategyDiscussions.AsNoTracking().Where(s => contactIds.Contains(s.ContactId)).ToListAsync(ct);
        sar.Add("Strategy discussions", strategies.Select(s => new SarEntry($"Strategy discussion on contact {sar.Reference(s.ContactId)}", [
            new("Held", s.Held ? "Yes" : "No"), new("When", s.HeldAtUtc is { } at ? Time(at) : "Not held"),
            new("Section 47 enquiry agreed", YesNo(s.SectionFortySevenAgreed)), new("Why not held", s.NotHeldReason ?? "Not applicable")])).ToList());
    }
}
