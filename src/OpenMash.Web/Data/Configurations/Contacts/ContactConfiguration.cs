using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.Reference).HasMaxLength(40);
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Rag).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.ReferralSource).HasConversion<string>().HasMaxLength(40);
        foreach (var name in new[] { nameof(Contact.ReferrerName), nameof(Contact.ReferrerRole), nameof(Contact.ReferrerAgency), nameof(Contact.ReferrerRelationship) })
        {
            builder.Property(name).HasMaxLength(200);
        }

        builder.Property(c => c.ReferrerPhone).HasMaxLength(40);
        builder.Property(c => c.ReferrerEmail).HasMaxLength(320);
        builder.Property(c => c.WhatHappened).HasMaxLength(20000);
        builder.Property(c => c.ReferrerRequest).HasMaxLength(5000);
        builder.Property(c => c.ChildsVoice).HasMaxLength(5000);
        builder.Property(c => c.AdditionalNeeds).HasMaxLength(5000);
        builder.Property(c => c.NoConsentReason).HasMaxLength(2000);
        builder.Ignore(c => c.AuditSubjects);
        builder.HasIndex(c => new { c.HubId, c.State, c.DecisionDueUtc });
        builder.HasIndex(c => c.ReferrerUserId);
        builder.HasIndex(c => new { c.HubId, c.AllocatedToUserId });
        builder.HasMany(c => c.Subjects).WithOne().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
