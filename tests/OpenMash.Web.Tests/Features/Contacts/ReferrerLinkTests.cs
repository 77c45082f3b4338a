using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Features.Contacts;
using OpenMash.Web.Tests.Features.People;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Contacts;

public sealed class ReferrerLinkTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Theory]
    [InlineData("staffs.referrer@demo.openmash.example")]
    [InlineData("  STAFFS.Referrer@Demo.OpenMash.Example ")]
    [InlineData("staffs.screener@demo.openmash.example")]
    [InlineData("stoke.referrer@demo.openmash.example")]
    [InlineData("someone@school.example")]
    public async Task PhoneContact_WithAnAccountsEmail_BelongsToNoAccount(string email)
    {
        // The e-mail typed in a contact is only an address for feedback: it used to link the contact to the account
        // with that address, which let a police contact appear as a school's own referral (security finding 2).
        var contact = await TestPeople.AsHubAsync(factory, "STAFFS", async (services, _) =>
        {
            var (created, errors) = await services.GetRequiredService<ContactService>().CreateAsync(new NewContact
            {
                Channel = ContactChannel.Phone,
                ReferrerName = "Pat Referrer",
                ReferrerRole = "Teacher",
                ReferrerEmail = email,
                ConcernCategories = [ConcernCategory.Neglect],
                WhatHappened = "Fictional concern.",
                FamilyAware = true,
                FamilyConsented = true,
                ReferrerSpokenTo = true,
                ReferralSource = ReferralSource.Schools,
                People = [new NewPerson(SubjectRole.Child, GivenNames: "Linkcase", FamilyName: "Emailtest", DateOfBirth: new DateOnly(2016, 2, 2), Sex: Sex.F)],
            }, new ContactSource());
            Assert.Empty(errors);
            return created!;
        });

        Assert.Null(contact.ReferrerUserId);
        Assert.Equal(email.Trim(), contact.ReferrerEmail);
    }
}
