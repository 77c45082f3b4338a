using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Tests.Features.People;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Contacts;

public sealed class ContactRelationshipTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public async Task AdultsNamedInAContact_AreRecordedAroundTheChild_Once()
    {
        var first = await CreateAsync(
            new NewPerson(SubjectRole.Child, GivenNames: "Hazel", FamilyName: "Relateby", DateOfBirth: new DateOnly(2017, 4, 4), Sex: Sex.F),
            new NewPerson(SubjectRole.HouseholdMember, GivenNames: "Morgan", FamilyName: "Relateby"),
            new NewPerson(SubjectRole.AssociatedAdult, GivenNames: "Quinn", FamilyName: "Visitorson"));
        var child = first.Subjects.Single(s => s.Role == SubjectRole.Child).PersonId;
        var household = first.Subjects.Single(s => s.Role == SubjectRole.HouseholdMember).PersonId;
        var associated = first.Subjects.Single(s => s.Role == SubjectRole.AssociatedAdult).PersonId;

        await CreateAsync(new NewPerson(SubjectRole.Child, child), new NewPerson(SubjectRole.HouseholdMember, household));

        var links = await factory.WithDbAsync(db => db.PersonRelationships.IgnoreQueryFilters().Where(r => r.PersonId == child)
            .Select(r => new { r.RelatedPersonId, r.Type }).ToListAsync());
        Assert.Equal(2, links.Count);
        Assert.Contains(links, l => l.RelatedPersonId == household && l.Type == RelationshipType.HouseholdMember);
        Assert.Contains(links, l => l.RelatedPersonId == associated && l.Type == RelationshipType.AssociatedAdult);
    }

    private Task<Contact> CreateAsync(params NewPerson[] people) => TestPeople.AsHubAsync(factory, "STAFFS", async (services, _) =>
    {
        var (created, errors) = await services.GetRequiredService<ContactService>().CreateAsync(new NewContact
        {
            Channel = ContactChannel.Phone,
            ReferrerName = "Pat Referrer",
            ReferrerPhone = "01234 000999",
            ConcernCategories = [ConcernCategory.Neglect],
            WhatHappened = "Fictional concern.",
            FamilyAware = true,
            FamilyConsented = true,
            ReferrerSpokenTo = true,
            ReferralSource = ReferralSource.Schools,
            People = people,
        }, new ContactSource());
        Assert.Empty(errors);
        return created!;
    });
}
