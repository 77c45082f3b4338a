using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class DecisionDueExtensionConfiguration : IEntityTypeConfiguration<DecisionDueExtension>
{
    public void Configure(EntityTypeBuilder<DecisionDueExtension> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.HasIndex(e => e.ContactId);
    }
}
