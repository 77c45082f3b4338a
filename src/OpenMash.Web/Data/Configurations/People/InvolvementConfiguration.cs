using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class InvolvementConfiguration : IEntityTypeConfiguration<Involvement>
{
    public void Configure(EntityTypeBuilder<Involvement> builder)
    {
        builder.Property(i => i.Service).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Team).HasMaxLength(200);
        builder.Property(i => i.Worker).HasMaxLength(200);
        builder.Ignore(i => i.AuditSubjects);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
