using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class ContactDecisionConfiguration : IEntityTypeConfiguration<ContactDecision>
{
    public void Configure(EntityTypeBuilder<ContactDecision> builder)
    {
        builder.HasOne<Contact>().WithMany().HasForeignKey(d => d.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.PrimaryNeed).HasConversion<string>().HasMaxLength(4);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Rationale).HasMaxLength(5000);
        builder.Property(d => d.Team).HasMaxLength(200);
        builder.Property(d => d.ManagerComment).HasMaxLength(5000);
        builder.Property(d => d.DipSampleNote).HasMaxLength(5000);
        builder.HasIndex(d => new { d.HubId, d.Status });
    }
}
