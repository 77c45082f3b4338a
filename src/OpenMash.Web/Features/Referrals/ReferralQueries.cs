using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Referrals;

public static class ReferralQueries
{
    public const string Received = "Received / being considered";

    public static ReferralSource SourceFor(AgencyType type) => type switch
    {
        AgencyType.Education => ReferralSource.Schools,
        AgencyType.Health => ReferralSource.OtherHealth,
        AgencyType.Police => ReferralSource.Police,
        AgencyType.Housing => ReferralSource.Housing,
        AgencyType.ChildrensSocialCare => ReferralSource.LaSocialCare,
        AgencyType.Probation or AgencyType.YouthJustice => ReferralSource.OtherLegalAgency,
        _ => ReferralSource.Other,
    };

    /// <summary>
    /// The signed-in referrer's referrals, optionally one of them, with the child ids for the audit row: those they made
    /// and those colleagues of their agency made on the referral page (the rule of <see cref="Security.OwnReferralHandler.IsReferralOf"/>).
    /// A contact is never theirs because it carries their e-mail address.
    /// </summary>
    public static async Task<(List<ReferralSummary> Referrals, List<Guid> Subjects)> OwnAsync(OpenMashDbContext db, Guid? contactId, CancellationToken ct)
    {
        var userId = db.Actor.UserId;
        if (userId is null)
        {
            return ([], []);
        }

        var agencyId = db.Actor.AgencyId;
        var query = db.Contacts.AsNoTracking()
            .Where(c => c.ReferrerUserId != null && (c.ReferrerUserId == userId || (agencyId != null && c.SourceAgencyId == agencyId)));
        if (contactId is { } id)
        {
            query = query.Where(c => c.Id == id);
        }

        var contacts = await query.Select(c => new { c.Id, c.Reference, c.ReceivedAtUtc, c.State, c.DecidedAtUtc, c.FeedbackSentAtUtc, c.ReferrerUserId, c.ReferrerName }).ToListAsync(ct);
        var ids = contacts.Select(c => c.Id).ToList();
        var children = await db.ContactSubjects.AsNoTracking().Where(s => ids.Contains(s.ContactId) && s.Role == SubjectRole.Child)
            .Join(db.Persons, s => s.PersonId, p => p.Id, (s, p) => new { s.ContactId, p.Id, p.GivenNames, p.FamilyName })
            .ToListAsync(ct);
        var outcomes = await db.Decisions.AsNoTracking().Where(d => ids.Contains(d.ContactId) && d.Status == DecisionStatus.Approved)
            .Select(d => new { d.ContactId, d.Outcome, d.DecidedAtUtc }).ToListAsync(ct);
        var list = contacts
            .Select(c =>
            {
                var decided = c.State == ContactState.Decided && (c.FeedbackSentAtUtc is not null || c.DecidedAtUtc is not null);
                var outcome = decided ? outcomes.Where(o => o.ContactId == c.Id).OrderByDescending(o => o.DecidedAtUtc).FirstOrDefault() : null;
                var names = children.Where(x => x.ContactId == c.Id)
                    .Select(x => $"{x.GivenNames} {(x.FamilyName.Length > 0 ? x.FamilyName[..1] : string.Empty)}".Trim())
                    .Order(StringComparer.Ordinal);
                return new ReferralSummary(c.Id, c.Reference, c.ReceivedAtUtc, string.Join(", ", names), outcome?.Outcome.DisplayName() ?? Received, outcome is not null,
                    c.ReferrerUserId == userId ? "You" : c.ReferrerName);
            })
            .OrderByDescending(r => r.ReceivedAtUtc)
            .ToList();
        return (list, children.Select(c => c.Id).Distinct().ToList());
    }
}
