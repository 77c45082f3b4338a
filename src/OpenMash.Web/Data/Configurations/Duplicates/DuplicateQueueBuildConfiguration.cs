using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class DuplicateQueueBuildConfiguration : IEntityTypeConfiguration<DuplicateQueueBuild>
{
    public void Configure(EntityTypeBuilder<DuplicateQueueBuild> builder)
    {
        builder.HasKey(b => b.HubId);
        builder.Property(b => b.HubId).ValueGeneratedNever();
    }
}
