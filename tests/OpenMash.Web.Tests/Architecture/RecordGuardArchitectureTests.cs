using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Web.Security.Guards;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Architecture;

/// <summary>
/// The house rules of issue 9, checked over the compiled application: every page whose route carries a record id is
/// behind that record's guard, and authorisation goes only through ASP.NET Core (no reading of role strings or
/// <c>IsInRole</c> outside <c>Security/</c>).
/// </summary>
public sealed partial class RecordGuardArchitectureTests(OpenMashFactory factory) : IClassFixture<OpenMashFactory>
{
    private async Task<List<CompiledPageActionDescriptor>> CompiledPagesAsync()
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var pages = factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>().ToList();
        var compiled = new List<CompiledPageActionDescriptor>();
        foreach (var page in pages)
        {
            compiled.Add(await loader.LoadAsync(page, EndpointMetadataCollection.Empty));
        }

        return compiled;
    }

    [Fact]
    public async Task RecordPages_WhenTheRouteCarriesARecordId_AreBehindThatRecordsGuard()
    {
        var pages = await CompiledPagesAsync();
        var recordPages = 0;
        var problems = new List<string>();
        foreach (var page in pages)
        {
            var ids = RecordGuardConventions.RouteParameters([page.AttributeRouteInfo?.Template], recordIdsOnly: true).ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            recordPages++;
            var guards = page.FilterDescriptors.Select(f => f.Filter).OfType<RecordGuardFactory>().ToList();
            foreach (var id in ids.Where(id => !guards.Any(g => string.Equals(g.RouteKey, id, StringComparison.OrdinalIgnoreCase))))
            {
                problems.Add($"{page.ViewEnginePath} ({page.AttributeRouteInfo?.Template}): no guard loads '{id}'");
            }
        }

        Assert.Empty(problems);
        Assert.True(recordPages >= 20, $"only {recordPages} record pages found: the route scan looks broken");
    }

    [Fact]
    public async Task EveryGuard_LoadsThroughARegisteredLoader_AndNamesTheAuditAction()
    {
        using var scope = factory.Services.CreateScope();
        var guards = (await CompiledPagesAsync()).SelectMany(p => p.FilterDescriptors.Select(f => f.Filter).OfType<RecordGuardFactory>().Select(g => (p.ViewEnginePath, Guard: g))).ToList();

        Assert.NotEmpty(guards);
        Assert.All(guards, g =>
        {
            Assert.IsAssignableFrom<IRecordLoader>(scope.ServiceProvider.GetRequiredService(g.Guard.LoaderType));
            Assert.False(string.IsNullOrWhiteSpace(g.Guard.Audit.Action), g.ViewEnginePath);
        });
    }

    [Fact]
    public void PageModels_LoadingARecord_NeverRefuseByHand()
    {
        // The hand-written block this replaced: a refusal audit written in a page model.
        var offenders = SourceFiles("Features", "*.cshtml.cs")
            .Where(f => RefusedInPage().IsMatch(File.ReadAllText(f)))
            .Select(Relative)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Authorisation_OutsideSecurity_NeverSplitsRolesOrCallsIsInRole()
    {
        var offenders = new List<string>();
        foreach (var file in SourceFiles(string.Empty, "*.cs").Concat(SourceFiles(string.Empty, "*.cshtml")))
        {
            var relative = Relative(file);
            if (relative.StartsWith("Security/", StringComparison.Ordinal) || relative.StartsWith("Data/Migrations/", StringComparison.Ordinal))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (RoleReading().IsMatch(lines[i]))
                {
                    offenders.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void RoleRule_OnTheFormsItReplaced_CatchesThem()
    {
        Assert.Matches(RoleReading(), "public static bool HasRole(Security.Actor actor, string role) => actor.Roles?.Split(',').Contains(role) == true;");
        Assert.Matches(RoleReading(), "(actor.Roles ?? string.Empty).Split(',').Any(r => r is Roles.ScreeningSocialWorker);");
        Assert.Matches(RoleReading(), "if (User.IsInRole(Roles.MashManager))");
        Assert.Matches(RoleReading(), "user.FindAll(ClaimTypes.Role)");
        Assert.DoesNotMatch(RoleReading(), "if (!await users.IsInRoleAsync(senior, Roles.ConsentOverride))");
    }

    private static string WebProject()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenMash.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("OpenMash.slnx not found above the test binaries"), "src", "OpenMash.Web");
    }

    private static IEnumerable<string> SourceFiles(string under, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(WebProject(), under), pattern, SearchOption.AllDirectories)
            .Where(f => !Relative(f).StartsWith("bin/", StringComparison.Ordinal) && !Relative(f).StartsWith("obj/", StringComparison.Ordinal));

    private static string Relative(string file) => Path.GetRelativePath(WebProject(), file).Replace('\\', '/');

    [GeneratedRegex(@"\bIsInRole\s*\(|\bRoles\s*\)?\s*\??\.\s*Split\s*\(|Roles\s*\?\?\s*string\.Empty\s*\)\s*\.Split|FindAll\s*\(\s*ClaimTypes\.Role\s*\)")]
    private static partial Regex RoleReading();

    [GeneratedRegex(@"AuditOutcome\.Refused\s*,\s*""(Contact|Person|MultiAgencyCheck|ContactDecision|ConsentOverrideRequest)""|AuditOutcome\.Refused\s*,\s*nameof\((MultiAgencyCheck|ContactDecision|ConsentOverrideRequest)\)")]
    private static partial Regex RefusedInPage();
}
