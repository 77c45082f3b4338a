using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class ContactNoteConfiguration : IEntityTypeConfiguration<ContactNote>
{
    public void Configure(EntityTypeBuilder<ContactNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(ContactNote.MaxLength);
        builder.HasIndex(n => new { n.ContactId, n.WrittenAtUtc });
    }
}
