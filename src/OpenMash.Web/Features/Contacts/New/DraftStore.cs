using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Contacts.New;

/// <summary>The signed-in user's one intake draft in this hub.</summary>
public sealed class DraftStore(OpenMashDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ContactForm?> LoadAsync(CancellationToken ct = default)
    {
        var draft = await FindAsync(ct);
        return draft is null ? null : JsonSerializer.Deserialize<ContactForm>(draft.Json, Json);
    }

    public async Task SaveAsync(ContactForm form, CancellationToken ct = default)
    {
        var userId = db.Actor.UserId ?? throw new InvalidOperationException("Only a signed-in user has a draft.");
        var draft = await FindAsync(ct);
        if (draft is null)
        {
            draft = new ContactDraft { Id = Guid.NewGuid(), HubId = db.Actor.RequiredHubId, UserId = userId, Json = string.Empty };
            db.ContactDrafts.Add(draft);
        }

        draft.Json = JsonSerializer.Serialize(form, Json);
        draft.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(CancellationToken ct = default)
    {
        var userId = db.Actor.UserId;
        var drafts = await db.ContactDrafts.Where(d => d.UserId == userId).ToListAsync(ct);
        db.ContactDrafts.RemoveRange(drafts);
        await db.SaveChangesAsync(ct);
    }

    private async Task<ContactDraft?> FindAsync(CancellationToken ct)
    {
        var userId = db.Actor.UserId;
        return userId is null ? null : await db.ContactDrafts.Where(d => d.UserId == userId).OrderByDescending(d => d.UpdatedAtUtc).FirstOrDefaultAsync(ct);
    }
}
