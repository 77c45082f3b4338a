using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Features.Access;

/// <summary>The demo child known to both hubs (Demo/DemoAccess.cs) and small helpers for the access tests.</summary>
public static class AccessData
{
    public const string StokeHubName = "Stoke-on-Trent Children's Front Door";

    public static Task<Guid> SharedChildAsync(OpenMashFactory factory, string hubCode) =>
        factory.WithDbAsync(db => db.Persons.IgnoreQueryFilters()
            .Where(p => p.GivenNames == "Juniper" && p.FamilyName == "Crossfield-Demo" && db.Hubs.Any(h => h.Id == p.HubId && h.Code == hubCode))
            .Select(p => p.Id).SingleAsync());

    public static Task<string> NhsNumberAsync(OpenMashFactory factory, Guid personId) =>
        factory.WithDbAsync(db => db.Persons.IgnoreQueryFilters().Where(p => p.Id == personId).Select(p => p.NhsNumber!).SingleAsync());

    public static Task<string> ContactReferenceAsync(OpenMashFactory factory, Guid personId) =>
        factory.WithDbAsync(db => db.ContactSubjects.IgnoreQueryFilters().Where(s => s.PersonId == personId)
            .Join(db.Contacts.IgnoreQueryFilters(), s => s.ContactId, c => c.Id, (s, c) => c.Reference).FirstAsync());

    public static async Task<PageClient> SignInAsync(OpenMashFactory factory, string user)
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync(user);
        return client;
    }

    public static Task<HttpResponseMessage> SearchByNhsAsync(PageClient client, string nhs) =>
        client.PostFormAsync("/People", [new("NhsNumber", nhs)]);
}
