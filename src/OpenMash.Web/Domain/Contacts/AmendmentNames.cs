namespace OpenMash.Web.Domain.Contacts;

/// <summary>The amendable details in people's words.</summary>
public static class AmendmentNames
{
    public static string DisplayName(this AmendedField field) => field switch
    {
        AmendedField.Channel => "How it was received",
        AmendedField.ReferralSource => "Referral source",
        AmendedField.ReferrerName => "Referrer's name",
        AmendedField.ReferrerRole => "Referrer's role",
        AmendedField.ReferrerAgency => "Referrer's agency",
        AmendedField.ReferrerPhone => "Referrer's phone number",
        AmendedField.ReferrerEmail => "Referrer's e-mail address",
        AmendedField.ReferrerRelationship => "Referrer's relationship to the child",
        AmendedField.ConcernCategories => "Concerns",
        AmendedField.WhatHappened => "What happened",
        AmendedField.ReferrerRequest => "What the referrer is asking for",
        AmendedField.ChildsVoice => "The child's own words",
        AmendedField.AdditionalNeeds => "Additional needs",
        AmendedField.PersonGivenNames => "First name",
        AmendedField.PersonFamilyName => "Last name",
        AmendedField.PersonDateOfBirth => "Date of birth",
        _ => "NHS number",
    };

    /// <summary>Details about the person who raised the concern: a third party in a subject access export.</summary>
    public static bool IsAboutTheReferrer(this AmendedField field) =>
        field is AmendedField.ReferrerName or AmendedField.ReferrerRole or AmendedField.ReferrerAgency or AmendedField.ReferrerPhone
            or AmendedField.ReferrerEmail or AmendedField.ReferrerRelationship;
}
