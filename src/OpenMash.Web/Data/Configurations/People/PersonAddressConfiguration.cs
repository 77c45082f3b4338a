using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class PersonAddressConfiguration : IEntityTypeConfiguration<PersonAddress>
{
    public void Configure(EntityTypeBuilder<PersonAddress> builder)
    {
        builder.Property(a => a.Line1).HasMaxLength(200);
        builder.Property(a => a.Line2).HasMaxLength(200);
        builder.Property(a => a.Town).HasMaxLength(100);
        builder.Property(a => a.Postcode).HasMaxLength(10);
        builder.Ignore(a => a.AuditSubjects);
        builder.HasIndex(a => new { a.HubId, a.Postcode });
    }
}
