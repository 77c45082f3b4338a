using Microsoft.EntityFrameworkCore;

namespace OpenMash.Web.Features.Consent;

/// <summary>EF Core mapping for the consent feature, kept beside its entities.</summary>
public static class ConsentMapping
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<RecordedConsent>(e =>
        {
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.SetNull);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.GivenBy).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.NotSoughtReason).HasConversion<string>().HasMaxLength(40);
            e.Property(c => c.GiverName).HasMaxLength(200);
            e.Property(c => c.CompetenceNote).HasMaxLength(2000);
            e.Property(c => c.Evidence).HasMaxLength(2000);
            e.Property(c => c.RecordedByName).HasMaxLength(200);
            e.Ignore(c => c.AuditSubjects);
            e.HasIndex(c => new { c.PersonId, c.RecordedAtUtc });
        });
        builder.Entity<ConsentOverrideRequest>(e =>
        {
            e.HasOne<Contact>().WithMany().HasForeignKey(o => o.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.Rag).HasConversion<string>().HasMaxLength(10);
            e.Property(o => o.Justification).HasMaxLength(5000);
            e.Property(o => o.DecisionComment).HasMaxLength(5000);
            e.Property(o => o.RequestedByName).HasMaxLength(200);
            e.Property(o => o.DecidedByName).HasMaxLength(200);
            e.HasIndex(o => new { o.HubId, o.Status });
            e.HasIndex(o => o.ContactId);
        });
        builder.Entity<SharingDecisionRecord>(e =>
        {
            e.HasOne<Contact>().WithMany().HasForeignKey(d => d.ContactId).OnDelete(DeleteBehavior.Cascade);
            e.Property(d => d.Origin).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Purpose).HasConversion<string>().HasMaxLength(40);
            e.Property(d => d.Article6).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Condition).HasConversion<string>().HasMaxLength(40);
            e.Property(d => d.ConsentStatus).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.NotSoughtReason).HasConversion<string>().HasMaxLength(40);
            e.Property(d => d.DecidedByName).HasMaxLength(200);
            e.Property(d => d.Reasons).HasMaxLength(5000);
            e.Property(d => d.Items).HasMaxLength(5000);
            e.Property(d => d.RecipientOrganisation).HasMaxLength(200);
            e.Property(d => d.RecipientPerson).HasMaxLength(200);
            e.Property(d => d.FamilyNotToldReason).HasMaxLength(2000);
            e.Property(d => d.IdentitiesWithheld).HasMaxLength(2000);
            e.HasIndex(d => d.ContactId);
        });
    }
}
