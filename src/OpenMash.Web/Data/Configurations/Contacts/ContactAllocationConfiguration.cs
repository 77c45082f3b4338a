using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class ContactAllocationConfiguration : IEntityTypeConfiguration<ContactAllocation>
{
    public void Configure(EntityTypeBuilder<ContactAllocation> builder) => builder.HasIndex(a => a.ContactId);
}
