using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> builder)
    {
        builder.ToTable("RoleGrants");
        builder.Property(g => g.Role).HasMaxLength(100);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(g => new { g.HubId, g.Status });
        builder.HasIndex(g => g.UserId);
    }
}
