using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class HubConfiguration : IEntityTypeConfiguration<Hub>
{
    public void Configure(EntityTypeBuilder<Hub> builder)
    {
        builder.HasIndex(h => h.Code).IsUnique();
        builder.Property(h => h.Code).HasMaxLength(32);
        builder.Property(h => h.Name).HasMaxLength(200);
    }
}
