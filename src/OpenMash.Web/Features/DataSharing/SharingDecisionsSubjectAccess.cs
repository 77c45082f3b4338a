using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared.SubjectAccess;
using static OpenMash.Web.Features.Shared.SubjectAccess.SubjectAccessBuilder;

namespace OpenMash.Web.Features.DataSharing;

/// <summary>Decisions to share or not outside the checks: the recipient's name and protective reasons withheld.</summary>
public sealed class SharingDecisionsSubjectAccess(OpenMashDbContext db) : ISubjectAccessSection
{
    public int Order => 700;

    public IReadOnlyDictionary<Type, string> Covers { get; } = new Dictionary<Type, string>
    {
        [typeof(SharingDecisionRecord)] = "Decisions to share information or not (the recipient's name withheld)",
    };

    public async Task AddAsync(SubjectAccessBuilder sar, CancellationToken ct)
    {
        var contactIds = sar.ContactIds;
        var shares = await db.SharingDecisions.AsNoTracking().Where(d => contactIds.Contains(d.ContactId)).OrderBy(d => d.DecidedAtUtc).ToListAsync(ct);
        var entries = new List<SarEntry>();
        foreach (var d in shares)
        {
            var heading = $"{(d.Share ? "Decision to share" : "Decision not to share")} with {d.RecipientOrganisation}, {Time(d.DecidedAtUtc)}";
            sar.ThirdParties.Add(d.RecipientPerson, "the person at the receiving organisation");
            if (!string.IsNullOrWhiteSpace(d.RecipientPerson))
            {
                sar.Redactions.Add(new("Third party: the name of the person at the receiving organisation", "Sharing decisions: " + heading, "Information about another person"));
            }

            var where = "Sharing decisions: " + heading;
            entries.Add(new(heading, [
                new("Contact", sar.Reference(d.ContactId)), new("Shared", d.Share ? "Yes" : "No"), new("Reasons", d.Reasons), new("What", d.Items),
                new("To", d.RecipientOrganisation + (string.IsNullOrWhiteSpace(d.RecipientPerson) ? string.Empty : " (person's name withheld)")),
                new("Purpose", d.Purpose.DisplayName()), new("Lawful basis", d.Article6?.DisplayName() ?? "Not recorded"),
                new("Condition", d.Condition.DisplayName()), new("Consent", d.ConsentStatus.DisplayName()),
                new("Why consent was not sought", d.NotSoughtReason?.DisplayName() ?? "Not applicable"),
                new("Shared without consent by an approved override", d.ConsentOverrideId is null ? "No" : "Yes"),
                new("Family told", d.FamilyTold ? "Yes" : "No"),
                new("Why the family was not told", d.FamilyTold ? "Not applicable" : sar.Withheld(d.FamilyNotToldReason, where, "Why the family was not told")),
                new("Identities withheld from the recipient", string.IsNullOrWhiteSpace(d.IdentitiesWithheld) ? "No"
                    : "Yes (whose: " + sar.Withheld(d.IdentitiesWithheld, where, "Whose identities were kept from the recipient").ToLowerInvariant() + ")")]));
        }

        sar.Add("Decisions to share information or not", entries);
    }
}
