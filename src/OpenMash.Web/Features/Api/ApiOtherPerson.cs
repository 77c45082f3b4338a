using System.ComponentModel;

namespace OpenMash.Web.Features.Api;

public sealed class ApiOtherPerson : ApiPerson
{
    [Description("HouseholdMember or AssociatedAdult.")]
    public string? Role { get; init; }
}
