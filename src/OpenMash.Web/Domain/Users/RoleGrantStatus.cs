namespace OpenMash.Web.Domain.Users;

public enum RoleGrantStatus
{
    Pending,
    Approved,
    Declined,
}
