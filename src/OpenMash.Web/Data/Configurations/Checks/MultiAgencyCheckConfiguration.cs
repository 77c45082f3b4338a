using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class MultiAgencyCheckConfiguration : IEntityTypeConfiguration<MultiAgencyCheck>
{
    public void Configure(EntityTypeBuilder<MultiAgencyCheck> builder)
    {
        builder.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Summary).HasMaxLength(2000);
        builder.Property(c => c.Details).HasMaxLength(20000);
        builder.HasIndex(c => new { c.AgencyId, c.Status, c.DueAtUtc });
        builder.HasIndex(c => new { c.ContactId, c.AgencyId }).IsUnique();
        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CheckId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.People).WithOne().HasForeignKey(p => p.CheckId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Corrections).WithOne().HasForeignKey(p => p.CheckId).OnDelete(DeleteBehavior.Cascade);
    }
}
