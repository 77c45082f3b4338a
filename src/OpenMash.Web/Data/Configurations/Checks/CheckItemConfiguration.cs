using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class CheckItemConfiguration : IEntityTypeConfiguration<CheckItem>
{
    public void Configure(EntityTypeBuilder<CheckItem> builder)
    {
        builder.Property(i => i.Text).HasMaxLength(5000);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(i => i.IsCurrent);
    }
}
