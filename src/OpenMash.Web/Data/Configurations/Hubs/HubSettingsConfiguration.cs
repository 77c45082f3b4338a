using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class HubSettingsConfiguration : IEntityTypeConfiguration<HubSettings>
{
    public void Configure(EntityTypeBuilder<HubSettings> builder)
    {
        builder.HasKey(s => s.HubId);
        builder.HasOne<Hub>().WithOne().HasForeignKey<HubSettings>(s => s.HubId);
        builder.Property(s => s.ThresholdGuidance).HasMaxLength(8000);
        builder.Property(s => s.SupportContact).HasMaxLength(400);
    }
}
