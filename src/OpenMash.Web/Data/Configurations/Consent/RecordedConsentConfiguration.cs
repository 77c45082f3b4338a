using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class RecordedConsentConfiguration : IEntityTypeConfiguration<RecordedConsent>
{
    public void Configure(EntityTypeBuilder<RecordedConsent> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.GivenBy).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.NotSoughtReason).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.GiverName).HasMaxLength(200);
        builder.Property(c => c.CompetenceNote).HasMaxLength(2000);
        builder.Property(c => c.Evidence).HasMaxLength(2000);
        builder.Property(c => c.RecordedByName).HasMaxLength(200);
        builder.Property(c => c.ConfirmedByName).HasMaxLength(200);
        builder.Property(c => c.ConfirmationEvidence).HasMaxLength(2000);
        builder.Ignore(c => c.IsConfirmed);
        builder.Ignore(c => c.AwaitsConfirmation);
        builder.Ignore(c => c.AuditSubjects);
        builder.HasIndex(c => new { c.PersonId, c.RecordedAtUtc });
    }
}
