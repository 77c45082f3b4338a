namespace OpenMash.Web;

/// <summary>
/// The one way the application is built, for the web host and for every command verb alike: the same settings
/// sources (appsettings.json and appsettings.{Environment}.json from the app's own folder, environment variables,
/// <c>--Key:Value</c> arguments) and the same services (<see cref="Startup.AddOpenMash"/>).
/// </summary>
public static class OpenMashHost
{
    /// <summary>
    /// A builder over <paramref name="settings"/> (command-line settings only: <c>--Key:Value</c>, <c>--Key=Value</c>).
    /// The content root is the app's own folder, so the app and its verbs find their settings and front end from any
    /// working directory; <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> still choose another.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(IReadOnlyList<string> settings, bool demo)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. settings],
            ContentRootPath = ChoosesContentRoot(settings) ? null : AppContext.BaseDirectory,
        });
        if (demo)
        {
            builder.Configuration["Demo:Enabled"] = "true";
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        builder.AddOpenMash();
        return builder;
    }

    private static bool ChoosesContentRoot(IReadOnlyList<string> settings) =>
        settings.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
