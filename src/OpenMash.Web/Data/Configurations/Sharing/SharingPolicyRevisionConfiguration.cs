using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class SharingPolicyRevisionConfiguration : IEntityTypeConfiguration<SharingPolicyRevision>
{
    public void Configure(EntityTypeBuilder<SharingPolicyRevision> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasData(new SharingPolicyRevision { Id = SharingPolicyRevision.SingletonId, Revision = 1 });
    }
}
