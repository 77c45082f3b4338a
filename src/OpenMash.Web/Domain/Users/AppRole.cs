using Microsoft.AspNetCore.Identity;

namespace OpenMash.Web.Domain.Users;

public sealed class AppRole : IdentityRole<Guid>
{
}
