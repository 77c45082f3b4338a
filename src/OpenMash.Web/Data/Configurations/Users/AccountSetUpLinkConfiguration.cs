using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OpenMash.Web.Data.Configurations;

internal sealed class AccountSetUpLinkConfiguration : IEntityTypeConfiguration<AccountSetUpLink>
{
    public void Configure(EntityTypeBuilder<AccountSetUpLink> builder)
    {
        builder.ToTable("AccountSetUpLinks");
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.UserId);
    }
}
