using Microsoft.EntityFrameworkCore;

namespace OpenMash.Web.Data;

/// <summary>
/// Who in a hub is told of something, and the e-mails queued to them. Queued is all this does: the outbox sender
/// (Features/Messaging) sends them, and only it records them as sent, once the mail server accepted them; a caller
/// must say "queued", never "sent".
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

    /// <summary>
    /// One message per address, in the caller's transaction, due at once. The body names a reference, never a child;
    /// <paramref name="linkPath"/> is the page it links to (the sender adds the site's address).
    /// </summary>
    public static void QueueEmails(
        this OpenMashDbContext db, Guid hubId, string kind, IEnumerable<string> to, string subject, string body, DateTime nowUtc,
        Guid? contactId = null, Guid? recordId = null, string? linkPath = null)
    {
        foreach (var address in to)
        {
            db.Outbox.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(),
                HubId = hubId,
                Kind = kind,
                ContactId = contactId,
                RecordId = recordId,
                ToAddress = address,
                Subject = subject,
                Body = body,
                LinkPath = linkPath,
                CreatedAtUtc = nowUtc,
                NextAttemptAtUtc = nowUtc,
                State = DeliveryState.Queued,
            });
        }
    }

    /// <summary>The newest message of <paramref name="kind"/> about a contact, for the pages that say whether it went.</summary>
    public static Task<OutboxMessage?> LatestAboutAsync(this OpenMashDbContext db, Guid contactId, string kind, CancellationToken ct = default) =>
        db.Outbox.AsNoTracking().Where(o => o.ContactId == contactId && o.Kind == kind)
            .OrderByDescending(o => o.CreatedAtUtc).FirstOrDefaultAsync(ct);
}
