using Microsoft.EntityFrameworkCore;

namespace OpenMash.Web.Data;

/// <summary>What every hub needs before its first contact: its settings row (contact numbers count up from it).</summary>
public static class HubSetup
{
    /// <summary>The codes of the hubs that have no settings row, in every hub.</summary>
    public static Task<List<string>> HubsWithoutSettingsAsync(OpenMashDbContext db, CancellationToken ct = default) =>
        db.Hubs.Where(h => !db.HubSettings.IgnoreQueryFilters().Any(s => s.HubId == h.Id)).OrderBy(h => h.Code).Select(h => h.Code).ToListAsync(ct);

    /// <summary>Gives each hub without a settings row the defaults (<see cref="HubSettings.ForNewHub"/>), audited; returns their codes.</summary>
    public static async Task<List<string>> AddMissingSettingsAsync(OpenMashDbContext db, CancellationToken ct = default)
    {
        var missing = await db.Hubs.Where(h => !db.HubSettings.IgnoreQueryFilters().Any(s => s.HubId == h.Id))
            .OrderBy(h => h.Code).Select(h => new { h.Id, h.Code }).ToListAsync(ct);
        if (missing.Count == 0)
        {
            return [];
        }

        db.HubSettings.AddRange(missing.Select(h => HubSettings.ForNewHub(h.Id)));
        await db.SaveChangesAsync(ct);
        return [.. missing.Select(h => h.Code)];
    }
}
