using System.Diagnostics;
using OpenMash.Web.Commands;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Commands;

/// <summary>Runs a command verb in the test's application, in process, as <c>Program.cs</c> does after building the host.</summary>
public static class VerbRunner
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(OpenMashFactory factory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandVerbs.RunAsync(factory.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs the application's executable (<c>dotnet OpenMash.Web.dll</c>, copied beside the tests) as an operator would:
    /// in <paramref name="workingDirectory"/>, in the Testing environment, with <paramref name="environment"/> added.
    /// </summary>
    public static async Task<(int Code, string Output, string Error)> RunProcessAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OpenMash.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT", "DOTNET_ENVIRONMENT", "ConnectionStrings__OpenMash", "Database__Provider" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not finish within 3 minutes");
        }

        return (process.ExitCode, await output, await error);
    }
}
