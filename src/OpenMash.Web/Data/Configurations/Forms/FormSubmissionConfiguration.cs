using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> builder)
    {
        builder.HasKey(s => s.Token);
        builder.Property(s => s.Token).HasMaxLength(64);
        builder.Property(s => s.SentBy).HasMaxLength(64);
        builder.Property(s => s.Path).HasMaxLength(400);
        builder.Property(s => s.ResultLocation).HasMaxLength(2000);
        builder.HasIndex(s => s.ClaimedAtUtc);
    }
}
