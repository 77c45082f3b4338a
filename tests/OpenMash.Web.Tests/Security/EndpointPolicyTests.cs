using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Security;

public sealed class EndpointPolicyTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    [Fact]
    public void EveryPageAndEndpoint_HasANamedPolicy_OrIsOnTheAnonymousList()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 10, "the endpoint list looks empty");

        var anonymousAllowed = Startup.AnonymousPages.Concat(Startup.AnonymousEndpoints).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var name = endpoint.DisplayName ?? endpoint.RoutePattern.RawText ?? "?";
            var route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                if (!anonymousAllowed.Contains(name) && !anonymousAllowed.Contains(route))
                {
                    problems.Add($"{name} ({route}) allows anonymous access but is not on the anonymous list");
                }

                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => !string.IsNullOrEmpty(p)).ToList();
            if (policies.Count == 0)
            {
                problems.Add($"{name} ({route}) has no named authorisation policy");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void AnonymousList_OfPagesAndEndpoints_NamesOnlyOnesThatExist()
    {
        var names = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => new[] { e.DisplayName, "/" + e.RoutePattern.RawText?.TrimStart('/') }).ToHashSet(StringComparer.Ordinal);

        Assert.All(Startup.AnonymousPages.Concat(Startup.AnonymousEndpoints), page => Assert.Contains(page, names));
    }

    [Fact]
    public async Task AdministrationPages_AreRefusedToOtherRoles_AndTheRefusalIsAudited()
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync("staffs.health");

        foreach (var page in new[] { "/Admin", "/Admin/Users", "/Admin/Agencies", "/Admin/Settings", "/Audit" })
        {
            var response = await client.Http.GetAsync(new Uri(page, UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        }

        var refusals = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.AuditEntries, e => e.Action == AuditActions.AccessRefused && e.UserName == "staffs.health" && e.Outcome == AuditOutcome.Refused));
        Assert.Equal(5, refusals);
    }

    [Fact]
    public async Task AuditLog_ForAnAdministrator_IsRefused()
    {
        var client = new PageClient(factory.CreateBrowserlessClient());
        await client.SignInAsDemoAsync("stoke.admin");

        var response = await client.Http.GetAsync(new Uri("/Audit", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
    }
}
