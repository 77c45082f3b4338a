using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class SharingDecisionRecordConfiguration : IEntityTypeConfiguration<SharingDecisionRecord>
{
    public void Configure(EntityTypeBuilder<SharingDecisionRecord> builder)
    {
        builder.HasOne<Contact>().WithMany().HasForeignKey(d => d.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Origin).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Purpose).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.Article6).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Condition).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.ConsentStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.NotSoughtReason).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.DecidedByName).HasMaxLength(200);
        builder.Property(d => d.Reasons).HasMaxLength(5000);
        builder.Property(d => d.Items).HasMaxLength(5000);
        builder.Property(d => d.RecipientOrganisation).HasMaxLength(200);
        builder.Property(d => d.DiscloserOrganisation).HasMaxLength(200);
        builder.Property(d => d.RecipientPerson).HasMaxLength(200);
        builder.Property(d => d.FamilyNotToldReason).HasMaxLength(2000);
        builder.Property(d => d.IdentitiesWithheld).HasMaxLength(2000);
        builder.HasIndex(d => d.ContactId);
    }
}
