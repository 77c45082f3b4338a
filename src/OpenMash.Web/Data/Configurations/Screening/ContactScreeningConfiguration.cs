using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class ContactScreeningConfiguration : IEntityTypeConfiguration<ContactScreening>
{
    public void Configure(EntityTypeBuilder<ContactScreening> builder)
    {
        builder.HasKey(s => s.ContactId);
        builder.HasOne<Contact>().WithOne().HasForeignKey<ContactScreening>(s => s.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Rag).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.Threshold).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.ConsentView).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.LawfulBasis).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.WithoutConsentReason).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.ThresholdRationale).HasMaxLength(5000);
        builder.Property(s => s.ChildViewsOrReason).HasMaxLength(5000);
        builder.Property(s => s.ConsentRationale).HasMaxLength(5000);
    }
}
