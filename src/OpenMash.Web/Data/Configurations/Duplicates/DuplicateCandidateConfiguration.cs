using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class DuplicateCandidateConfiguration : IEntityTypeConfiguration<DuplicateCandidate>
{
    public void Configure(EntityTypeBuilder<DuplicateCandidate> builder)
    {
        builder.HasKey(c => new { c.PersonA, c.PersonB });
        builder.Property(c => c.Band).HasConversion<string>().HasMaxLength(10);
        builder.Ignore(c => c.AuditSubjects);

        // The queue page: a hub's pairs, most probable first, a page at a time; and every pair of a changed person.
        builder.HasIndex(c => new { c.HubId, c.Probability, c.PersonA, c.PersonB });
        builder.HasIndex(c => c.PersonB);
    }
}
