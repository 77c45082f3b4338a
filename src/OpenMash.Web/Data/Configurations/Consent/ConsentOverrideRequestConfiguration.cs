using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class ConsentOverrideRequestConfiguration : IEntityTypeConfiguration<ConsentOverrideRequest>
{
    public void Configure(EntityTypeBuilder<ConsentOverrideRequest> builder)
    {
        builder.HasOne<Contact>().WithMany().HasForeignKey(o => o.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Rag).HasConversion<string>().HasMaxLength(10);
        builder.Property(o => o.Justification).HasMaxLength(5000);
        builder.Property(o => o.DecisionComment).HasMaxLength(5000);
        builder.Property(o => o.RequestedByName).HasMaxLength(200);
        builder.Property(o => o.DecidedByName).HasMaxLength(200);
        builder.HasIndex(o => new { o.HubId, o.Status });
        builder.HasIndex(o => o.ContactId);
    }
}
