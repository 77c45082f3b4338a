using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class BreakGlassGrantConfiguration : IEntityTypeConfiguration<BreakGlassGrant>
{
    public void Configure(EntityTypeBuilder<BreakGlassGrant> builder)
    {
        builder.ToTable("BreakGlassGrants");
        builder.Property(g => g.UserName).HasMaxLength(256);
        builder.Property(g => g.Reason).HasConversion<string>().HasMaxLength(40);
        builder.Property(g => g.Justification).HasMaxLength(2000);
        builder.Property(g => g.MatchedPersonIds).HasMaxLength(2000);
        builder.Property(g => g.ReviewNotes).HasMaxLength(2000);
        builder.Ignore(g => g.AuditSubjects);
        builder.Ignore(g => g.MatchedIds);
        builder.HasIndex(g => new { g.UserId, g.PersonId, g.OwningHubId, g.ExpiresAtUtc });
        builder.HasIndex(g => new { g.HubId, g.ReviewedAtUtc });
        builder.HasIndex(g => new { g.OwningHubId, g.ReviewedAtUtc });
    }
}
