using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class ContactAmendmentConfiguration : IEntityTypeConfiguration<ContactAmendment>
{
    public void Configure(EntityTypeBuilder<ContactAmendment> builder)
    {
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.HasIndex(a => a.ContactId);
        builder.HasMany(a => a.Changes).WithOne().HasForeignKey(c => c.AmendmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
