using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class CheckCorrectionConfiguration : IEntityTypeConfiguration<CheckCorrection>
{
    public void Configure(EntityTypeBuilder<CheckCorrection> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.Property(c => c.PreviousSummary).HasMaxLength(2000);
        builder.Property(c => c.PreviousDetails).HasMaxLength(20000);
        builder.Property(c => c.PreviousPeople).HasMaxLength(5000);
        builder.HasIndex(c => c.CheckId);
    }
}
