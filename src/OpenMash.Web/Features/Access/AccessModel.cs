using Microsoft.EntityFrameworkCore;

namespace OpenMash.Web.Features.Access;

/// <summary>The access feature's tables, configured from <c>OpenMashDbContext.OnModelCreating</c> with one call.</summary>
public static class AccessModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<BreakGlassGrant>(e =>
        {
            e.ToTable("BreakGlassGrants");
            e.Property(g => g.UserName).HasMaxLength(256);
            e.Property(g => g.Reason).HasConversion<string>().HasMaxLength(40);
            e.Property(g => g.Justification).HasMaxLength(2000);
            e.Property(g => g.MatchedPersonIds).HasMaxLength(2000);
            e.Property(g => g.ReviewNotes).HasMaxLength(2000);
            e.Ignore(g => g.AuditSubjects);
            e.Ignore(g => g.MatchedIds);
            e.HasIndex(g => new { g.UserId, g.PersonId, g.OwningHubId, g.ExpiresAtUtc });
            e.HasIndex(g => new { g.HubId, g.ReviewedAtUtc });
            e.HasIndex(g => new { g.OwningHubId, g.ReviewedAtUtc });
        });
        builder.Entity<AccessNotice>(e =>
        {
            e.ToTable("AccessNotices");
            e.Property(n => n.Text).HasMaxLength(2000);
            e.HasIndex(n => new { n.HubId, n.CreatedAtUtc });
        });
    }
}
