using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class PossibleExistingRecordConfiguration : IEntityTypeConfiguration<PossibleExistingRecord>
{
    public void Configure(EntityTypeBuilder<PossibleExistingRecord> builder)
    {
        builder.Ignore(r => r.AuditSubjects);
        builder.Ignore(r => r.IsOpen);
        builder.Ignore(r => r.IsLinked);
        builder.HasIndex(r => r.ContactId);
        builder.HasIndex(r => new { r.PersonId, r.CandidateId });
        builder.HasIndex(r => r.MergeId);
    }
}
