using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class PersonChangeConfiguration : IEntityTypeConfiguration<PersonChange>
{
    public void Configure(EntityTypeBuilder<PersonChange> builder)
    {
        // An increasing id from the database (AUTOINCREMENT on SQLite, so an id is never reused after pruning; an
        // identity column on PostgreSQL, where ids can commit out of order: readers re-check gaps).
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.HasIndex(c => c.RecordedAtUtc);
    }
}
