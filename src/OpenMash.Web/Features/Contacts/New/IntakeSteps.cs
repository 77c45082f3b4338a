namespace OpenMash.Web.Features.Contacts.New;

/// <summary>
/// The steps of the staff intake flow in order, each at /Contacts/New/{step}, and which form fields each step asks
/// for (so a problem found on the check page links to the step that fixes it).
/// </summary>
public static class IntakeSteps
{
    public const string Received = "received";
    public const string Referrer = "referrer";
    public const string Children = "children";
    public const string Adults = "adults";
    public const string Concerns = "concerns";
    public const string Details = "details";
    public const string Consent = "consent";
    public const string Attachments = "attachments";
    public const string Check = "check";

    public static readonly IReadOnlyList<string> All = [Received, Referrer, Children, Adults, Concerns, Details, Consent, Attachments, Check];

    public static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Received] = ["Channel", "ReceivedDate", "ReceivedTime"],
        [Referrer] = ["ReferrerName", "ReferrerRole", "ReferrerAgency", "ReferrerPhone", "ReferrerEmail", "ReferrerRelationship", "ReferralSource"],
        [Children] = ["Children"],
        [Adults] = ["Adults"],
        [Concerns] = ["Concerns"],
        [Details] = ["WhatHappened", "ReferrerRequest", "ChildsVoice", "AdditionalNeeds"],
        [Consent] = ["FamilyAware", "FamilyConsented", "NoConsentReason", "ReferrerSpokenTo"],
        [Attachments] = ["Attachments", "Upload"],
    };

    /// <summary>A person's fields, in the order of the person page.</summary>
    public static readonly string[] PersonFields =
        ["Role", "GivenNames", "FamilyName", "DateOfBirth", "ExpectedDeliveryDate", "Sex", "NhsNumber", "Upn", "EthnicityCode", "AddressLine1", "Town", "Postcode"];

    /// <summary>The questions counted in "Step n of ...": every step but the check page.</summary>
    public static int Count => All.Count - 1;

    public static string Url(string step) => "/Contacts/New/" + step;

    /// <summary>The step's place, from 1.</summary>
    public static int Number(string step) => All.ToList().IndexOf(step) + 1;

    /// <summary>The step after this one (the check page after the last question).</summary>
    public static string Next(string step) => All[Math.Min(All.Count - 1, Number(step))];

    /// <summary>The step before this one; none before the first.</summary>
    public static string? Previous(string step) => Number(step) > 1 ? All[Number(step) - 2] : null;

    /// <summary>The step that asks for a form field ("Children[0].Sex" is on the children step); the check page for any other.</summary>
    public static string StepOf(string field)
    {
        var root = field.Split('[', '.')[0];
        return Fields.FirstOrDefault(kv => kv.Value.Contains(root)).Key ?? Check;
    }
}
