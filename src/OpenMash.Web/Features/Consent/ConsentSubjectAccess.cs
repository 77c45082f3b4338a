using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared.SubjectAccess;
using static OpenMash.Web.Features.Shared.SubjectAccess.SubjectAccessBuilder;

namespace OpenMash.Web.Features.Consent;

/// <summary>The person's consent records (a parent's or carer's name withheld) and overrides on contacts naming them.</summary>
public sealed class ConsentSubjectAccess(OpenMashDbContext db, TimeProvider time) : ISubjectAccessSection
{
    public int Order => 600;

    public IReadOnlyDictionary<Type, string> Covers { get; } = new Dictionary<Type, string>
    {
        [typeof(RecordedConsent)] = "Consent (the name of a parent or carer who answered withheld)",
        [typeof(ConsentOverrideRequest)] = "Sharing without consent (overrides)",
    };

    public async Task AddAsync(SubjectAccessBuilder sar, CancellationToken ct)
    {
        var personId = sar.PersonId;
        var consents = await db.Consents.AsNoTracking().Where(c => c.PersonId == personId).OrderBy(c => c.RecordedAtUtc).ToListAsync(ct);
        var entries = new List<SarEntry>();
        foreach (var c in consents)
        {
            var heading = $"Consent {c.Status.DisplayName().ToLowerInvariant()}, recorded {Time(c.RecordedAtUtc)}";
            var byYou = c.GivenBy == ConsentGiver.YoungPerson;
            if (!byYou)
            {
                sar.ThirdParties.Add(c.GiverName, "the " + (c.GivenBy?.DisplayName() ?? "person") + " who answered");
            }

            if (!byYou && !string.IsNullOrWhiteSpace(c.GiverName))
            {
                sar.Redactions.Add(new("Third party: the name of the parent or carer who answered", "Consent: " + heading, "Information about another person"));
            }

            entries.Add(new(heading, [
                new("Answer", c.Status.DisplayName()),
                new("Given or refused by", c.GivenBy is { } giver ? giver.DisplayName() + (byYou ? string.Empty : " (name withheld)") : "Not recorded"),
                new("Competence note", c.CompetenceNote ?? "Not recorded"),
                new("Covers", ConsentDisplay.Scope(c, sar.Agencies)),
                new("Date", ConsentNames.Date(c.DecidedOn)), new("Expires", c.ExpiresOn is null ? "No expiry" : ConsentNames.Date(c.ExpiresOn)),
                new("Evidence", c.Evidence), new("Why consent was not sought", c.NotSoughtReason?.DisplayName() ?? "Not applicable")]));
        }

        sar.Add("Consent", entries);

        var contactIds = sar.ContactIds;
        var now = time.GetUtcNow().UtcDateTime;
        var overrides = await db.ConsentOverrides.AsNoTracking().Where(o => contactIds.Contains(o.ContactId)).OrderBy(o => o.RequestedAtUtc).ToListAsync(ct);
        sar.Add("Sharing without consent (overrides)", overrides.Select(o => new SarEntry($"Override for contact {sar.Reference(o.ContactId)}", [
            new("Asked for", Time(o.RequestedAtUtc)), new("Why", sar.Withheld(o.Justification, "Sharing without consent: override for contact " + sar.Reference(o.ContactId), "The practitioner's reasons for sharing without consent")), new("Status", o.StatusText(now)),
            new("Took effect at once", o.TakesEffectAtOnce ? "Yes (urgent), approval due " + (o.ApprovalDueUtc is { } due ? Time(due) : "not set") : "No, only once approved"),
            new("Decided", o.DecidedAtUtc is { } at ? Time(at) : "Not yet"), new("Manager's comment", o.DecisionComment ?? "None")])).ToList());
    }
}
