namespace OpenMash.Web.Data;

/// <summary>Which agencies a signed-in practitioner may ask for information: read by checks, consent and screening alike.</summary>
public static class AgencyQueries
{
    /// <summary>The enabled agencies of the actor's hub other than the actor's own.</summary>
    public static IQueryable<Agency> RequestableAgencies(this OpenMashDbContext db)
    {
        var hubId = db.Actor.HubId;
        var own = db.Actor.AgencyId;
        return db.Agencies.Where(a => !a.IsDisabled && a.Id != own && a.Hubs.Any(h => h.HubId == hubId));
    }
}
