using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace OpenMash.Web.Features.Shared;

/// <summary>
/// A feature folder's page conventions: the policies of its folders and pages and the guards of its record pages.
/// Each feature declares its own in a <c>Conventions</c> class beside its pages; <see cref="FeatureConventions.AddFeatureConventions"/>
/// applies every one in the assembly, so a new feature cannot be forgotten.
/// </summary>
public interface IFeatureConventions
{
    void Configure(PageConventionCollection conventions);
}

public static class FeatureConventions
{
    public static IReadOnlyList<IFeatureConventions> All { get; } = typeof(IFeatureConventions).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFeatureConventions).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IFeatureConventions)Activator.CreateInstance(t)!)
        .ToList();

    public static PageConventionCollection AddFeatureConventions(this PageConventionCollection conventions)
    {
        foreach (var feature in All)
        {
            feature.Configure(conventions);
        }

        return conventions;
    }
}
