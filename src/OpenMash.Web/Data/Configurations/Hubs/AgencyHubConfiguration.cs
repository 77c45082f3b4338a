using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class AgencyHubConfiguration : IEntityTypeConfiguration<AgencyHub>
{
    public void Configure(EntityTypeBuilder<AgencyHub> builder)
    {
        builder.HasKey(x => new { x.AgencyId, x.HubId });
        builder.HasOne(x => x.Agency).WithMany(a => a.Hubs).HasForeignKey(x => x.AgencyId);
        builder.HasOne(x => x.Hub).WithMany(h => h.Agencies).HasForeignKey(x => x.HubId);
    }
}
