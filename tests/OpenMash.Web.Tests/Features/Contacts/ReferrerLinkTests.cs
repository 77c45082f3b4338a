using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Tests.Features.People;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Contacts;

public sealed class ReferrerLinkTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Theory]
    [InlineData("staffs.referrer@demo.openmash.example", "staffs.referrer")]
    [InlineData("  STAFFS.Referrer@Demo.OpenMash.Example ", "staffs.referrer")]
    [InlineData("staffs.screener@demo.openmash.example", null)]
    [InlineData("stoke.referrer@demo.openmash.example", null)]
    [InlineData("someone@school.example", null)]
    public async Task APhoneContact_IsLinkedToTheReferrersAccount_OnlyForAReferrerOfTheSameHub(string email, string? linkedUser)
    {
        var contact = await TestPeople.AsHubAsync(factory, "STAFFS", async (services, _) =>
        {
            var (created, errors) = await services.GetRequiredService<ContactService>().CreateAsync(new NewContact(
                ContactChannel.Phone, null, "Pat Referrer", "Teacher", null, null, email, null, [ConcernCategory.Neglect], "Fictional concern.", null, null, null,
                true, true, null, true, ReferralSource.Schools,
                [new NewPerson(SubjectRole.Child, GivenNames: "Linkcase", FamilyName: "Emailtest", DateOfBirth: new DateOnly(2016, 2, 2), Sex: Sex.F)]), new ContactSource());
            Assert.Empty(errors);
            return created!;
        });

        var expected = linkedUser is null ? (Guid?)null : await TestPeople.UserIdAsync(factory, linkedUser);
        Assert.Equal(expected, contact.ReferrerUserId);
    }
}
