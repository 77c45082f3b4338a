using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class AgreementNoticeConfiguration : IEntityTypeConfiguration<AgreementNotice>
{
    public void Configure(EntityTypeBuilder<AgreementNotice> builder)
    {
        builder.ToTable("AgreementNotices");
        builder.Property(n => n.Text).HasMaxLength(2000);
        builder.HasIndex(n => new { n.HubId, n.CreatedAtUtc });
    }
}
