using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class HubClosureDayConfiguration : IEntityTypeConfiguration<HubClosureDay>
{
    public void Configure(EntityTypeBuilder<HubClosureDay> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasOne<Hub>().WithMany().HasForeignKey(d => d.HubId);
        builder.HasIndex(d => new { d.HubId, d.Date }).IsUnique();
        builder.Property(d => d.Reason).HasMaxLength(HubClosureDay.MaxReasonLength);
    }
}
