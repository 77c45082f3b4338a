using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.GivenNames).HasMaxLength(200);
        builder.Property(p => p.FamilyName).HasMaxLength(200);
        builder.Property(p => p.OtherNames).HasMaxLength(1000);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(1);
        builder.Property(p => p.EthnicityCode).HasMaxLength(4);
        builder.Property(p => p.NhsNumber).HasMaxLength(10);
        builder.Property(p => p.Upn).HasMaxLength(13);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Ignore(p => p.FullName);
        builder.Ignore(p => p.AuditSubjects);
        builder.HasIndex(p => new { p.HubId, p.FamilyName });
        builder.HasIndex(p => new { p.HubId, p.NhsNumber });
        builder.HasIndex(p => new { p.HubId, p.Upn });
        builder.HasIndex(p => new { p.HubId, p.DateOfBirth });
        builder.HasMany(p => p.Addresses).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
