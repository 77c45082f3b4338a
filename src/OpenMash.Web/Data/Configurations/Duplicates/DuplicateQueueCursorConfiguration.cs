using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class DuplicateQueueCursorConfiguration : IEntityTypeConfiguration<DuplicateQueueCursor>
{
    public void Configure(EntityTypeBuilder<DuplicateQueueCursor> builder)
    {
        builder.ToTable("DuplicateQueueCursor");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasData(new DuplicateQueueCursor { Id = DuplicateQueueCursor.SingletonId, FeedThrough = 0, GapsJson = "{}", Version = 0 });
    }
}
