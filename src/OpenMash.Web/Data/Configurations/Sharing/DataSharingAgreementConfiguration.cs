using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class DataSharingAgreementConfiguration : IEntityTypeConfiguration<DataSharingAgreement>
{
    public void Configure(EntityTypeBuilder<DataSharingAgreement> builder)
    {
        builder.HasKey(a => new { a.Id, a.Version });
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Effect).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.SourceAgencyType).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.DestinationAgencyType).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Purpose).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Mode).HasConversion<string>().HasMaxLength(20);

        // Rows from before approvals existed were all in force; Active is also the enum's default, so EF never
        // leaves a Proposed row to the column default.
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(30).HasDefaultValue(AgreementStatus.Active);
        builder.Property(a => a.ChangeReason).HasMaxLength(1000);
        builder.Ignore(a => a.IsHonoured);
    }
}
