using Microsoft.AspNetCore.Mvc.ApplicationModels;
using OpenMash.Web.Features.Shared;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.TaskGroup;

public sealed class Conventions : IFeatureConventions
{
    public void Configure(PageConventionCollection conventions) => conventions.AuthorizeFolder("/TaskGroup", Policies.TaskGroup);
}

public static class TaskGroupServiceCollectionExtensions
{
    public static IServiceCollection AddTaskGroup(this IServiceCollection services) => services.AddScoped<CrossHubExploitationReader>();
}
