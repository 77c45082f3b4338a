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
        builder.Property(o => o.LinkPath).HasMaxLength(300);
        builder.Property(o => o.LastError).HasMaxLength(OutboxMessage.ErrorLength);
        // Rows queued before delivery was recorded are waiting to be sent: nothing sent them.
        builder.Property(o => o.State).HasConversion<string>().HasMaxLength(20).HasDefaultValue(DeliveryState.Queued).HasSentinel((DeliveryState)(-1));
        builder.Property(o => o.Route).HasConversion<string>().HasMaxLength(20);

        // A sender that lost its lease (it ran past it and another claimed the message) cannot overwrite the new owner's record.
        builder.Property(o => o.LeaseOwner).IsConcurrencyToken();
        builder.HasIndex(o => new { o.State, o.NextAttemptAtUtc });
        builder.HasIndex(o => o.ContactId);
        builder.HasIndex(o => o.SentAtUtc);
    }
}
