using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenMash.Web.Tests.Architecture;

/// <summary>
/// The shape of the house (docs/adr/0009-one-clear-house.md), checked on the compiled application: the domain stands
/// alone, feature folders do not depend on each other in a circle or on each other's pages, and audit actions are
/// named constants.
/// </summary>
public sealed partial class HouseRulesTests
{
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> App = new(() =>
        new ArchLoader().LoadAssemblies(typeof(Program).Assembly).Build());

    [Fact]
    public void Domain_DependsOnNeitherDataNorFeatures_ItStandsAlone()
    {
        string[] forbidden = ["OpenMash.Web.Data", "OpenMash.Web.Features", "OpenMash.Web.Security", "OpenMash.Web.Demo", "OpenMash.Web.Auditing", "Microsoft.EntityFrameworkCore"];
        var offences = (
            from type in App.Value.Types
            where InNamespace(type, "OpenMash.Web.Domain")
            from dependency in type.Dependencies
            where forbidden.Any(ns => InNamespace(dependency.Target, ns))
            select $"{type.FullName} -> {dependency.Target.FullName}").Distinct().ToList();

        Assert.True(offences.Count == 0, "Domain types are unit-tested without a host or a database; move this out of Domain:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void FeatureFolders_DependOnEachOther_WithoutCycles()
    {
        var inCycles = CyclicEdges(FeatureEdges());
        Assert.True(inCycles.Count == 0, "Feature folders in a cycle (read another feature's data through the DbContext or a small public service, and keep dependencies one way):\n" + string.Join('\n', inCycles.Select(e => $"{e.Key}: {string.Join(", ", e.Value.Distinct().Take(3))}")));
    }

    private static Dictionary<string, List<string>> FeatureEdges()
    {
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var type in App.Value.Types.Where(t => FeatureOf(t.FullName) is not null))
        {
            var from = FeatureOf(type.FullName)!;
            foreach (var target in type.Dependencies.Select(d => d.Target).Distinct())
            {
                if (FeatureOf(target.FullName) is { } to && to != from)
                {
                    var key = $"{from} -> {to}";
                    (edges.TryGetValue(key, out var why) ? why : edges[key] = []).Add($"{type.FullName} uses {target.FullName}");
                }
            }
        }

        return edges;
    }

    /// <summary>The edges that lie on a cycle: from and to are in one strongly connected component.</summary>
    private static Dictionary<string, List<string>> CyclicEdges(Dictionary<string, List<string>> edges)
    {
        var graph = edges.Keys.Select(k => k.Split(" -> ")).GroupBy(p => p[0], p => p[1]).ToDictionary(g => g.Key, g => g.ToList());
        bool Reaches(string from, string to)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>([from]);
            while (stack.TryPop(out var node))
            {
                if (node == to)
                {
                    return true;
                }

                if (seen.Add(node) && graph.TryGetValue(node, out var next))
                {
                    next.ForEach(stack.Push);
                }
            }

            return false;
        }

        return edges.Where(e => e.Key.Split(" -> ") is var p && Reaches(p[1], p[0])).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    [Fact]
    public void Features_UseAnotherFeaturesPageModel_Never()
    {
        var pageModels = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)) && t.FullName!.StartsWith("OpenMash.Web.Features.", StringComparison.Ordinal))
            .Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);
        var offences = new List<string>();
        foreach (var type in App.Value.Types)
        {
            var own = FeatureOf(type.FullName);
            if (own is null)
            {
                continue;
            }

            foreach (var target in type.Dependencies.Select(d => d.Target).Distinct())
            {
                if (pageModels.Contains(target.FullName) && FeatureOf(target.FullName) != own)
                {
                    offences.Add($"{type.FullName} -> {target.FullName}");
                }
            }
        }

        Assert.True(offences.Count == 0, "Use the other feature's service or the DbContext, not its page model:\n" + string.Join('\n', offences.Distinct()));
    }

    /// <summary>
    /// Each code list has its people's words in one place, beside its values in Domain: a method outside Domain that
    /// turns a code into text is a second copy that will drift (issue 9 found agency types and contact states twice).
    /// </summary>
    [Fact]
    public void CodeListNames_AreWrittenOnce_InDomain()
    {
        var codeLists = typeof(Program).Assembly.GetTypes().Concat(typeof(OpenMash.Sharing.AgencyType).Assembly.GetTypes())
            .Where(t => t.IsEnum && t.IsPublic).ToHashSet();
        var namers = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(string) && m.GetParameters() is [{ } only] && codeLists.Contains(Nullable.GetUnderlyingType(only.ParameterType) ?? only.ParameterType))
            .Select(m => (Method: m, List: Nullable.GetUnderlyingType(m.GetParameters()[0].ParameterType) ?? m.GetParameters()[0].ParameterType))
            .ToList();

        // Audit action names are identifiers, not people's words (AuditActions.DisplayName gives those).
        var outside = namers.Where(n => n.Method.DeclaringType!.Namespace is { } ns && !ns.StartsWith("OpenMash.Web.Domain", StringComparison.Ordinal) && ns != "OpenMash.Web.Auditing" && !n.Method.DeclaringType.Name.StartsWith('<'))
            .Select(n => $"{n.Method.DeclaringType!.FullName}.{n.Method.Name}({n.List.Name})").ToList();
        var twice = namers.Where(n => n.Method.Name == "DisplayName").GroupBy(n => n.List).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Name}: {string.Join(", ", g.Select(n => n.Method.DeclaringType!.FullName))}").ToList();

        Assert.True(outside.Count == 0, "Name a code in Domain, beside its list (Domain/<Area>/<Area>Names.cs), and call that:\n" + string.Join('\n', outside));
        Assert.True(twice.Count == 0, "A code list named in two places:\n" + string.Join('\n', twice));
    }

    [Fact]
    public void Inputs_AreClassesWithNamedInitProperties_NeverPositionalRecords()
    {
        var inputs = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("OpenMash.Web", StringComparison.Ordinal) == true
                && !t.IsDefined(typeof(CompilerGeneratedAttribute), false)
                && (t.Name.EndsWith("Input", StringComparison.Ordinal) || t.Name == nameof(OpenMash.Web.Features.Contacts.NewContact)))
            .ToList();
        var offences = (
            from type in inputs
            let problem = !type.IsClass ? "is not a class"
                : type.GetMethod("<Clone>$") is not null ? "is a record"
                : type.GetConstructors().Any(c => c.GetParameters().Length > 0) ? "has a constructor with parameters"
                : type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => p.SetMethod is { IsPublic: true } set
                    && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit))) is { } settable ? $"lets {settable.Name} be set after it is made"
                : null
            where problem is not null
            select $"{type.FullName} {problem}").ToList();

        Assert.Contains(typeof(OpenMash.Web.Features.Contacts.NewContact), inputs);
        Assert.Contains(typeof(OpenMash.Web.Features.Screening.ScreeningInput), inputs);
        Assert.True(offences.Count == 0, "An input is a sealed class with named { get; init; } properties, validated once (Features/Shared/Validation.cs):\n" + string.Join('\n', offences));
    }

    [Fact]
    public void AuditActions_AreNamedConstants_NeverStringLiterals()
    {
        var root = RepositoryRoot();
        var offences = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith("AuditActions.cs", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LiteralAction().Matches(text))
            {
                offences.Add($"{Path.GetRelativePath(root, file)}: {m.Value.Trim()}");
            }
        }

        Assert.True(offences.Count == 0, "Name the action in Auditing/AuditActions.cs:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void AuditActions_AreDistinct_AndNoneLooksLikeARecordChange()
    {
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(AuditActions.All, a => RecordChange().IsMatch(a));
        Assert.Equal("Create Contact", AuditActions.Created(nameof(Contact)));
    }

    [Fact]
    public void AuditActions_ShownOnPages_AreInPeoplesWords()
    {
        Assert.All(AuditActions.All, a => Assert.NotEqual(a, AuditActions.DisplayName(a)));
        Assert.Equal("Created multi agency check", AuditActions.DisplayName(AuditActions.Created(nameof(MultiAgencyCheck))));
        Assert.Equal("Changed contact", AuditActions.DisplayName(AuditActions.Updated(nameof(Contact))));
        Assert.Equal("Refused a page", AuditActions.DisplayName(AuditActions.AccessRefused));
    }

    private static bool InNamespace(IType type, string ns) =>
        type.Namespace.FullName == ns || type.Namespace.FullName.StartsWith(ns + ".", StringComparison.Ordinal);

    /// <summary>
    /// The feature folder a type belongs to, or null outside Features. Razor compiles <c>Features/Contacts/Details.cshtml</c>
    /// into <c>OpenMash.Web.Features.Features_Contacts_Details</c>, which belongs to Contacts; the pages at the root of
    /// Features (home, error, accessibility) belong to no feature.
    /// </summary>
    private static string? FeatureOf(string fullName)
    {
        const string prefix = "OpenMash.Web.Features.";
        if (!fullName.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = fullName[prefix.Length..];
        if (rest.StartsWith("Features_", StringComparison.Ordinal))
        {
            var parts = rest.Split('_');
            return parts.Length > 2 ? parts[1] : null;
        }

        var segments = rest.Split('.', '+', '`');
        return segments.Length > 1 ? segments[0] : null;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenMash.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (OpenMash.slnx) was not found above " + AppContext.BaseDirectory);
    }

    // An audit call whose action argument is a string literal, or a test comparing an audit action with one.
    [GeneratedRegex(@"(\.Audit\(\s*""|AuditedAs\(\s*""|AuditAsync\(\s*""|RefuseAsync\(\s*""|OwnContactAsync\([^;]*?,\s*""[^""]*"",\s*""|\bAction\s*(==|!=)\s*""|\bAction\s*=\s*"")")]
    private static partial Regex LiteralAction();

    [GeneratedRegex(@"^(Create|Update|Delete) [A-Z]")]
    private static partial Regex RecordChange();
}
