using Microsoft.EntityFrameworkCore;
using OpenMash.Sharing;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Admin.Sharing;

/// <summary>How the agreement pages name parties, hubs and an agreement's standing.</summary>
public static class AgreementDisplay
{

    /// <summary>Agency and hub names by id.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(OpenMashDbContext db)
    {
        var agencies = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name }).ToListAsync();
        var hubs = await db.Hubs.AsNoTracking().Select(h => new { h.Id, h.Name }).ToListAsync();
        return agencies.Select(a => (a.Id, a.Name)).Concat(hubs.Select(h => (h.Id, h.Name))).ToDictionary(x => x.Id, x => x.Name);
    }

    public static string Party(IReadOnlyDictionary<Guid, string> names, Guid? agency, AgencyType? type) => (agency, type) switch
    {
        ({ } id, _) => names.GetValueOrDefault(id, "Unknown agency"),
        (null, { } anyOf) => anyOf.AnyOfType(),
        _ => throw new InvalidOperationException("An agreement's side names an agency or a type of agency."),
    };

    /// <summary>What the agreement does, in words: "Shares police incidents in full, for safeguarding screening".</summary>
    public static string What(DataSharingAgreement a)
    {
        var category = a.Category.InSentence();
        var purpose = a.Purpose.DisplayName().ToLowerInvariant();
        return (a.Effect, a.Mode) switch
        {
            (AgreementEffect.Allow, SharingMode.Content) => $"Shares {category} in full, for {purpose}",
            (AgreementEffect.Allow, _) => $"Says only whether {category} is held, for {purpose}",
            (_, SharingMode.Existence) => $"Does not share {category}, nor whether any is held, for {purpose}",
            _ => $"Does not share {category} itself, for {purpose}",
        };
    }

    public static string Date(DateTime utc) => CaseDisplay.Date(utc);

    /// <summary>The status tag's text and colour: approval state first, then the dates of an approved one.</summary>
    public static (string Text, string Colour) Standing(DataSharingAgreement a, DateTime now) => a.Status switch
    {
        AgreementStatus.Proposed => ("Awaiting approval", "yellow"),
        AgreementStatus.Declined => ("Declined", "red"),
        AgreementStatus.Ended => ("Ended", "grey"),
        AgreementStatus.RevocationRequested => ("In force, asked to end", "orange"),
        _ when a.ValidUntilUtc is { } until && until <= now => ("Ended", "grey"),
        _ when a.ValidFromUtc > now => ($"Approved, from {Date(a.ValidFromUtc)}", "blue"),
        _ => ("In force", "green"),
    };
}
