using OpenMash.Web.Security;

namespace OpenMash.Web.Tests.Features.Boundaries;

public sealed class TaskGroupRoleTests
{
    [Fact]
    public void TheTaskGroupRole_OpensChildrensRecords_SoAnAdministratorCannotHoldIt()
    {
        Assert.Contains(Roles.ExploitationTaskGroup, Roles.All);
        Assert.NotNull(Roles.CombinationProblem([Roles.Administrator, Roles.ExploitationTaskGroup]));
        Assert.Null(Roles.CombinationProblem([Roles.ExploitationTaskGroup]));
        Assert.Equal("Exploitation task group member", Roles.DisplayName(Roles.ExploitationTaskGroup));
    }
}
