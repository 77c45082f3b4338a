namespace OpenMash.Web.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>The fictional demo hubs, users, contacts and consent records, seeded on an empty database.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services) => services
        .AddScoped<DemoSeeder>()
        .AddScoped<DemoFrontDoor>()
        .AddScoped<DemoConsent>()
        .AddScoped<DemoPaths>();
}
