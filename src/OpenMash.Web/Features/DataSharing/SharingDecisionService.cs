using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Consent;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.DataSharing;

/// <summary>
/// Sharing decisions: the one written with each check sent, and the one a practitioner records (to share or not to
/// share, with the reasons, the lawful basis and the consent position).
/// </summary>
public sealed class SharingDecisionService(OpenMashDbContext db, TimeProvider time, ConsentOverrideService overrides, ConsentService consent)
{
    /// <summary>
    /// The sharing decision written with each check sent: filled from the screening, the contact and the gate. The
    /// discloser is the front door practitioner's agency sending the request; the gate's condition is that discloser's.
    /// </summary>
    public SharingDecisionRecord ForCheckSent(Contact contact, ContactScreening screening, AgencyGate gate, Discloser discloser, Guid checkId, DateTime nowUtc, string decidedByName, int adults = 0)
    {
        var record = new SharingDecisionRecord
        {
            Id = Guid.NewGuid(),
            HubId = contact.HubId,
            ContactId = contact.Id,
            Origin = SharingDecisionOrigin.ChecksRequested,
            CheckId = checkId,
            DecidedByUserId = db.Actor.UserId ?? Guid.Empty,
            DecidedByName = decidedByName,
            DecidedAtUtc = nowUtc,
            Share = true,
            DiscloserAgencyId = discloser.AgencyId,
            DiscloserOrganisation = discloser.Name,
            Reasons = gate.Result.Reason,
            Items = $"Multi-agency check request: the children's names and dates of birth{(adults == 0 ? string.Empty : $", the names and dates of birth of {adults} adult{(adults == 1 ? "" : "s")} of the household")}, the concerns ({string.Join(", ", contact.ConcernCategories.Select(c => c.DisplayName()))}) and the question what the agency holds that is relevant.",
            RecipientAgencyId = gate.Agency.Id,
            RecipientOrganisation = gate.Agency.Name,
            RecipientPerson = "The agency's MASH researchers",
            Purpose = SharingPurpose.SafeguardingScreening,
            Article6 = screening.LawfulBasis,
            Condition = gate.Result.LawfulBasis,
            ConsentStatus = gate.Result.ConsentStatus,
            NotSoughtReason = gate.Result.ConsentStatus == ConsentStatus.NotSought && screening.AllowsSharingWithoutConsent ? screening.WithoutConsentReason : null,
            ConsentOverrideId = gate.Override?.Id,
            FamilyTold = contact.FamilyAware == true,
            FamilyNotToldReason = contact.FamilyAware == true
                ? null
                : screening.AllowsSharingWithoutConsent
                    ? $"Not told before the checks: {screening.WithoutConsentReason?.DisplayName() ?? "sharing without consent"}. {screening.ConsentRationale}"
                    : "The referrer recorded that the family was not aware of the contact; tell them when consent is next discussed.",
            IdentitiesWithheld = "The referrer's name and contact details are not included in check requests.",
        };
        return record;
    }

    /// <summary>Schedule 8 paragraph 4 is the police's (DPA 2018 Part 3, law enforcement processing): only a police discloser relies on it.</summary>
    public const string Schedule8OnlyForPolice =
        "Schedule 8 paragraph 4 is for police disclosing under law enforcement processing; your agency is not police, so select Schedule 1 paragraph 18, consent or none";

    public static List<ValidationError> Validate(SharingDecisionInput input, IReadOnlyCollection<Guid> agencies, AgencyType discloserType = AgencyType.ChildrensSocialCare)
    {
        var errors = new List<ValidationError>();
        if (input.Share is null)
        {
            errors.Add(new(nameof(input.Share), "Select whether you decided to share or not to share"));
        }

        if (input.RecipientAgencyId is { } agency && !agencies.Contains(agency))
        {
            errors.Add(new(nameof(input.RecipientAgencyId), "Select an agency from the list"));
        }
        else if (input.RecipientAgencyId is null && string.IsNullOrWhiteSpace(input.RecipientOrganisation))
        {
            errors.Add(new(nameof(input.RecipientOrganisation), "Select the agency, or enter the organisation, the information would go to"));
        }

        errors.Limit(input.RecipientOrganisation, nameof(input.RecipientOrganisation), 200);
        errors.Limit(input.RecipientPerson, nameof(input.RecipientPerson), 200);
        if (input.Purpose is null || !Enum.IsDefined(input.Purpose.Value))
        {
            errors.Add(new(nameof(input.Purpose), "Select the purpose"));
        }

        errors.Require(input.Items, nameof(input.Items), "Enter which information was shared, or considered and not shared", 5000);
        errors.Require(input.Reasons, nameof(input.Reasons), "Enter the reasons for the decision", 5000);
        if (input.Share == true && (input.Article6 is null || !Enum.IsDefined(input.Article6.Value)))
        {
            errors.Add(new(nameof(input.Article6), "Select the lawful basis: public task or legal obligation"));
        }

        if (input.Condition is null || !Enum.IsDefined(input.Condition.Value))
        {
            errors.Add(new(nameof(input.Condition), "Select the condition for special category or police data, consent, or none"));
        }

        if (input.ConsentStatus is null || !Enum.IsDefined(input.ConsentStatus.Value))
        {
            errors.Add(new(nameof(input.ConsentStatus), "Select the consent position"));
        }
        else if (input.Share == true && input.Condition == LawfulBasis.Consent && input.ConsentStatus != ConsentStatus.Given)
        {
            errors.Add(new(nameof(input.Condition), "Consent can only be the basis when consent was given"));
        }

        if (input.Condition == LawfulBasis.LawEnforcementSafeguarding && discloserType != AgencyType.Police)
        {
            errors.Add(new(nameof(input.Condition), Schedule8OnlyForPolice));
        }

        if (input.ConsentStatus == ConsentStatus.NotSought && (input.NotSoughtReason is null || !Enum.IsDefined(input.NotSoughtReason.Value)))
        {
            errors.Add(new(nameof(input.NotSoughtReason), "Select why consent was not sought"));
        }

        if (input.FamilyTold is null)
        {
            errors.Add(new(nameof(input.FamilyTold), "Select whether the family was told"));
        }
        else if (input.FamilyTold == false)
        {
            errors.Require(input.FamilyNotToldReason, nameof(input.FamilyNotToldReason), "Enter why the family was not told", 2000);
        }

        if (input.IdentitiesWithheld is null)
        {
            errors.Add(new(nameof(input.IdentitiesWithheld), "Select whether any identity was withheld"));
        }
        else if (input.IdentitiesWithheld == true)
        {
            errors.Require(input.IdentitiesWithheldDetail, nameof(input.IdentitiesWithheldDetail), "Enter whose identity was withheld and why", 2000);
        }

        return errors;
    }

    public async Task<IReadOnlyList<ValidationError>> RecordSharingDecisionAsync(Contact contact, SharingDecisionInput input, CancellationToken ct = default)
    {
        var agencies = await db.Agencies.Where(a => a.Hubs.Any(h => h.HubId == contact.HubId)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var discloser = await consent.DiscloserAsync(ct);
        var errors = Validate(input, agencies.Keys, discloser.Type);
        // Validate refuses a decision without these answers; here they are read once, as the values written.
        if (errors.Count > 0 || input is not { Share: { } share, Purpose: { } purpose, Condition: { } condition, ConsentStatus: { } consentStatus, FamilyTold: { } familyTold })
        {
            return errors;
        }

        var inForce = await overrides.OverrideInForceAsync(contact.Id, ct);
        db.SharingDecisions.Add(new SharingDecisionRecord
        {
            Id = Guid.NewGuid(),
            HubId = contact.HubId,
            ContactId = contact.Id,
            Origin = SharingDecisionOrigin.Recorded,
            DecidedByUserId = db.Actor.UserId ?? Guid.Empty,
            DecidedByName = await db.ActorDisplayNameAsync(ct),
            DecidedAtUtc = time.GetUtcNow().UtcDateTime,
            Share = share,
            DiscloserAgencyId = discloser.AgencyId,
            DiscloserOrganisation = discloser.Name,
            Reasons = input.Reasons!.Trim(),
            Items = input.Items!.Trim(),
            RecipientAgencyId = input.RecipientAgencyId,
            RecipientOrganisation = input.RecipientAgencyId is { } id ? agencies[id] : input.RecipientOrganisation!.Trim(),
            RecipientPerson = string.IsNullOrWhiteSpace(input.RecipientPerson) ? null : input.RecipientPerson.Trim(),
            Purpose = purpose,
            Article6 = input.Share == true ? input.Article6 : input.Article6 is { } a && Enum.IsDefined(a) ? a : null,
            Condition = condition,
            ConsentStatus = consentStatus,
            NotSoughtReason = input.ConsentStatus == ConsentStatus.NotSought ? input.NotSoughtReason : null,
            ConsentOverrideId = input.Share == true && input.ConsentStatus != ConsentStatus.Given ? inForce?.Id : null,
            FamilyTold = familyTold,
            FamilyNotToldReason = input.FamilyTold == false ? input.FamilyNotToldReason!.Trim() : null,
            IdentitiesWithheld = input.IdentitiesWithheld == true ? input.IdentitiesWithheldDetail!.Trim() : null,
        });
        await db.SaveChangesAsync(ct);
        return [];
    }
}
