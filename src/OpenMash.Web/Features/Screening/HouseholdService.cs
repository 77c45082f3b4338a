using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Screening;

/// <summary>
/// The contact's household as the screener corrects it before the checks go: people added, relationships between
/// the contact's people (sibling, parent, partner of the parent, other household member), and which adults the
/// checks cover. Each change is audited with the people it is about.
/// </summary>
public sealed class HouseholdService(OpenMashDbContext db, TimeProvider time)
{
    /// <summary>The relationships a screener may record, in the order the form offers them.</summary>
    public static readonly IReadOnlyList<RelationshipType> Offered =
        [RelationshipType.ParentCarer, RelationshipType.PartnerOfParent, RelationshipType.Sibling, RelationshipType.HouseholdMember, RelationshipType.AssociatedAdult];

    public async Task<IReadOnlyList<ValidationError>> AddPersonAsync(Contact contact, HouseholdPersonInput input, CancellationToken ct = default)
    {
        var errors = Refuse(contact);
        var given = errors.Require(input.GivenNames, nameof(input.GivenNames), "Enter the person's first name", Validation.SingleLineMax, "First name");
        var family = errors.Require(input.FamilyName, nameof(input.FamilyName), "Enter the person's last name", Validation.SingleLineMax, "Last name");
        if (input.DateOfBirthInvalid)
        {
            errors.Add(new(nameof(input.DateOfBirth), "Enter a real date of birth, like 27 3 1990, or leave it blank"));
        }
        else if (input.DateOfBirth is { } dob && dob > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))
        {
            errors.Add(new(nameof(input.DateOfBirth), "Date of birth must be in the past"));
        }

        var role = errors.Require(input.Role, nameof(input.Role), "Select whether the person is a child or an adult, and whether they live in the household");
        var children = contact.Subjects.Where(s => s.Role == SubjectRole.Child).Select(s => s.PersonId).ToList();
        if (input.ChildId is not { } childId || !children.Contains(childId))
        {
            errors.Add(new(nameof(input.ChildId), "Select the child the person is related to"));
        }

        var type = errors.Require(input.Relationship, nameof(input.Relationship), "Select what the person is to the child");
        if (input.Role is { } r && input.Relationship is { } t)
        {
            RelationshipFits(r, t, nameof(input.Relationship), errors);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var person = new Person { Id = Guid.NewGuid(), HubId = contact.HubId, GivenNames = given, FamilyName = family, DateOfBirth = input.DateOfBirth, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        db.Persons.Add(person);
        contact.Subjects.Add(new ContactSubject { ContactId = contact.Id, PersonId = person.Id, HubId = contact.HubId, Role = role });
        db.PersonRelationships.Add(new PersonRelationship { Id = Guid.NewGuid(), HubId = contact.HubId, PersonId = input.ChildId!.Value, RelatedPersonId = person.Id, Type = type });
        db.Audit(AuditActions.AddHouseholdPerson, targetType: "Contact", targetId: contact.Id.ToString(), subjects: [person.Id, input.ChildId.Value], purpose: "Screening",
            detail: $"{role.DisplayName()}: {PersonDisplay.Relationship(type).ToLowerInvariant()} of the child");
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<IReadOnlyList<ValidationError>> SetRelationshipAsync(Contact contact, HouseholdRelationshipInput input, CancellationToken ct = default)
    {
        var errors = Refuse(contact);
        var child = contact.Subjects.FirstOrDefault(s => s.PersonId == input.ChildId && s.Role == SubjectRole.Child);
        var other = contact.Subjects.FirstOrDefault(s => s.PersonId == input.PersonId && s.PersonId != input.ChildId);
        if (child is null)
        {
            errors.Add(new(nameof(input.ChildId), "Select a child of this contact"));
        }

        if (other is null)
        {
            errors.Add(new(nameof(input.PersonId), "Select another person of this contact"));
        }

        var type = errors.Require(input.Relationship, nameof(input.Relationship), "Select what the person is to the child");
        if (other is not null && input.Relationship is { } t)
        {
            RelationshipFits(other.Role, t, nameof(input.Relationship), errors);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        // One relationship between the two: an earlier one (either way round) is changed, not added to.
        var existing = await db.PersonRelationships
            .Where(x => (x.PersonId == child!.PersonId && x.RelatedPersonId == other!.PersonId) || (x.PersonId == other!.PersonId && x.RelatedPersonId == child.PersonId))
            .ToListAsync(ct);
        var before = existing.Select(x => PersonDisplay.Relationship(x.Type).ToLowerInvariant()).ToList();
        var kept = existing.FirstOrDefault(x => x.PersonId == child!.PersonId);
        db.PersonRelationships.RemoveRange(existing.Where(x => x != kept));
        if (kept is null)
        {
            db.PersonRelationships.Add(new PersonRelationship { Id = Guid.NewGuid(), HubId = contact.HubId, PersonId = child!.PersonId, RelatedPersonId = other!.PersonId, Type = type });
        }
        else
        {
            kept.Type = type;
        }

        db.Audit(AuditActions.ChangeHouseholdRelationship, targetType: "Contact", targetId: contact.Id.ToString(), subjects: [child!.PersonId, other!.PersonId], purpose: "Screening",
            detail: $"From {(before.Count == 0 ? "none" : string.Join(", ", before))} to {PersonDisplay.Relationship(type).ToLowerInvariant()}");
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<IReadOnlyList<ValidationError>> SetCoverageAsync(Contact contact, CheckCoverageInput input, CancellationToken ct = default)
    {
        var errors = Refuse(contact);
        var subject = contact.Subjects.FirstOrDefault(s => s.PersonId == input.PersonId);
        if (subject is null)
        {
            errors.Add(new(nameof(input.PersonId), "Select a person of this contact"));
        }
        else if (subject.Role == SubjectRole.Child)
        {
            errors.Add(new(nameof(input.PersonId), "A check always covers the children named in the contact"));
        }

        var include = errors.Require(input.Include, nameof(input.Include), "Select whether the checks cover this person");
        var reason = include ? null : errors.Require(input.Reason, nameof(input.Reason), "Enter why this adult is left out of the partner checks", 2000, "Reason");
        if (errors.Count > 0)
        {
            return errors;
        }

        if (include)
        {
            subject!.IncludeInChecks();
        }
        else
        {
            subject!.LeaveOutOfChecks(reason!);
        }

        db.Audit(AuditActions.ChangeCheckCoverage, targetType: "Contact", targetId: contact.Id.ToString(), subjects: [subject.PersonId], purpose: "Screening",
            detail: include ? "Included in the partner checks not yet sent" : $"Left out of the partner checks not yet sent: {reason}");
        await db.SaveChangesAsync(ct);
        return [];
    }

    private static List<ValidationError> Refuse(Contact contact) =>
        contact.IsDecided ? [new(string.Empty, "This contact has been decided; its household can no longer be changed here")] : [];

    private static void RelationshipFits(SubjectRole role, RelationshipType type, string field, List<ValidationError> errors)
    {
        if (role == SubjectRole.Child && type is not (RelationshipType.Sibling or RelationshipType.HouseholdMember))
        {
            errors.Add(new(field, "A child can be a sibling or another household member of the child"));
        }
        else if (role != SubjectRole.Child && type == RelationshipType.Sibling)
        {
            errors.Add(new(field, "A sibling is another child: record them as a child"));
        }
    }
}
