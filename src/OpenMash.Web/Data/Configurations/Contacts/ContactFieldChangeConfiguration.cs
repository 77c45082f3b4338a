using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class ContactFieldChangeConfiguration : IEntityTypeConfiguration<ContactFieldChange>
{
    public void Configure(EntityTypeBuilder<ContactFieldChange> builder)
    {
        builder.Property(c => c.Field).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Before).HasMaxLength(20000);
        builder.Property(c => c.After).HasMaxLength(20000);
        builder.HasIndex(c => c.PersonId);
    }
}
