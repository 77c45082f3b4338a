using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Security.Guards;

namespace OpenMash.Web.Features.Admin;

/// <summary>A user of the administrator's hub (users are not hub-filtered by the model, so the loader names the hub).</summary>
public sealed class HubUserLoader(AdminService admin) : RecordLoader<AppUser>
{
    public override string TargetType => "User";

    public override string NotFoundDetail => "not a user of this hub";

    protected override Task<AppUser?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        admin.HubUsers.SingleOrDefaultAsync(u => u.Id == id, ct);
}

/// <summary>An agency serving the administrator's hub (tracked: the page may disable it).</summary>
public sealed class HubAgencyLoader(AdminService admin) : RecordLoader<Agency>
{
    public override string TargetType => "Agency";

    public override string NotFoundDetail => "not an agency serving this hub";

    protected override Task<Agency?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        admin.HubAgencies.SingleOrDefaultAsync(a => a.Id == id, ct);
}

/// <summary>An API client registered by the administrator's hub.</summary>
public sealed class HubApiClientLoader(AdminService admin) : RecordLoader<ApiClient>
{
    public override string TargetType => nameof(ApiClient);

    public override string NotFoundDetail => "not an API client of this hub";

    protected override Task<ApiClient?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        admin.ApiClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
}

/// <summary>The newest version of an agreement that involves the signed-in user's hub (either side); any other is not found.</summary>
public sealed class AgreementLoader(DataSharing.AgreementService agreements, Data.OpenMashDbContext db) : RecordLoader<DataSharingAgreement>
{
    public override string TargetType => nameof(DataSharingAgreement);

    public override string NotFoundDetail => "not an agreement involving this hub";

    protected override async Task<DataSharingAgreement?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        await agreements.CurrentAsync(id, ct) is { } current && db.Actor.HubId is { } hub && current.Involves(hub) ? current : null;
}

/// <summary>A role grant of this hub (hub-filtered), waiting or decided.</summary>
public sealed class RoleGrantLoader(Data.OpenMashDbContext db) : RecordLoader<RoleGrant>
{
    public override string TargetType => nameof(RoleGrant);

    public override string NotFoundDetail => "not a role grant of this hub";

    protected override Task<RoleGrant?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.Set<RoleGrant>().AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, ct);
}

/// <summary>An e-mail in this hub's outbox (hub-filtered; tracked: the page may send it again).</summary>
public sealed class OutboxMessageLoader(Data.OpenMashDbContext db) : RecordLoader<OutboxMessage>
{
    public override string TargetType => nameof(OutboxMessage);

    public override string NotFoundDetail => "not an e-mail of this hub";

    /// <summary>A refused e-mail about a contact names that contact's children, looked up in every hub.</summary>
    public override Task<IReadOnlyList<Guid>> SubjectsAnywhereAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.OfContactOfAsync(db.Outbox.IgnoreQueryFilters().Where(o => o.Id == id && o.ContactId != null).Select(o => o.ContactId ?? Guid.Empty), ct);

    protected override Task<OutboxMessage?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.Outbox.SingleOrDefaultAsync(o => o.Id == id, ct);
}

/// <summary>A closure day of this hub (hub-filtered; tracked: the page may remove it).</summary>
public sealed class ClosureDayLoader(Data.OpenMashDbContext db) : RecordLoader<HubClosureDay>
{
    public override string TargetType => nameof(HubClosureDay);

    public override string NotFoundDetail => "not a closure day of this hub";

    protected override Task<HubClosureDay?> LoadAsync(Guid id, RouteValueDictionary route, CancellationToken ct) =>
        db.ClosureDays.SingleOrDefaultAsync(d => d.Id == id, ct);
}
