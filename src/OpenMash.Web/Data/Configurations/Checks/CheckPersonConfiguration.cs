using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class CheckPersonConfiguration : IEntityTypeConfiguration<CheckPerson>
{
    public void Configure(EntityTypeBuilder<CheckPerson> builder)
    {
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.CheckId, p.PersonId }).IsUnique();
        builder.Ignore(p => p.IsAnswered);
    }
}
