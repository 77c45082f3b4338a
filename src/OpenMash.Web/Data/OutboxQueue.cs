using Microsoft.EntityFrameworkCore;

namespace OpenMash.Web.Data;

/// <summary>
/// Who in a hub is told of something, and the e-mails queued to them. Queued is all this does: the outbox's
/// <c>SentAtUtc</c> says when a message really went, so a caller must say "queued", never "sent".
/// </summary>
public static class OutboxQueue
{
    /// <summary>The e-mail addresses of the hub's enabled users holding any of <paramref name="roles"/>, but <paramref name="except"/>.</summary>
    public static Task<List<string>> EmailsInRolesAsync(this OpenMashDbContext db, Guid hubId, IReadOnlyCollection<string> roles, Guid? except, CancellationToken ct) =>
        (from u in db.Users.AsNoTracking()
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where u.HubId == hubId && !u.IsDisabled && u.Email != null && roles.Contains(r.Name!) && (except == null || u.Id != except)
         select u.Email!).Distinct().ToListAsync(ct);

    /// <summary>One message per address, in the caller's transaction.</summary>
    public static void QueueEmails(this OpenMashDbContext db, Guid hubId, string kind, IEnumerable<string> to, string subject, string body, DateTime nowUtc)
    {
        foreach (var address in to)
        {
            db.Outbox.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(),
                HubId = hubId,
                Kind = kind,
                ToAddress = address,
                Subject = subject,
                Body = body,
                CreatedAtUtc = nowUtc,
            });
        }
    }
}
