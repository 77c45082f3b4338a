using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(o => o.Kind).HasMaxLength(40);
        builder.Property(o => o.ToAddress).HasMaxLength(320);
        builder.Property(o => o.Subject).HasMaxLength(300);
        builder.HasIndex(o => o.SentAtUtc);
    }
}
