using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class AccessNoticeConfiguration : IEntityTypeConfiguration<AccessNotice>
{
    public void Configure(EntityTypeBuilder<AccessNotice> builder)
    {
        builder.ToTable("AccessNotices");
        builder.Property(n => n.Text).HasMaxLength(2000);
        builder.HasIndex(n => new { n.HubId, n.CreatedAtUtc });
    }
}
