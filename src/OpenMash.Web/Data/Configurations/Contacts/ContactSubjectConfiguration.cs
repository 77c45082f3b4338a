using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class ContactSubjectConfiguration : IEntityTypeConfiguration<ContactSubject>
{
    public void Configure(EntityTypeBuilder<ContactSubject> builder)
    {
        builder.HasKey(s => new { s.ContactId, s.PersonId });
        builder.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.PersonId);
        builder.Property(s => s.LeftOutReason).HasMaxLength(2000);
    }
}
