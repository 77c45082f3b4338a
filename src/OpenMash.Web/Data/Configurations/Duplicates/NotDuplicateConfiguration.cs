using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class NotDuplicateConfiguration : IEntityTypeConfiguration<NotDuplicate>
{
    public void Configure(EntityTypeBuilder<NotDuplicate> builder)
    {
        builder.HasKey(n => new { n.PersonA, n.PersonB });
        builder.Ignore(n => n.AuditSubjects);
    }
}
