using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class ContactDraftConfiguration : IEntityTypeConfiguration<ContactDraft>
{
    public void Configure(EntityTypeBuilder<ContactDraft> builder)
    {
        builder.HasIndex(d => d.UserId);
    }
}
