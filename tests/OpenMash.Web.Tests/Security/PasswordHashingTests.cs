using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenMash.Web.Security;
using OpenMash.Web.Tests.Infrastructure;

namespace OpenMash.Web.Tests.Security;

/// <summary>
/// The tests hash passwords with one PBKDF2 iteration (<see cref="TestDatabase.CheapPasswordHashIterations"/>). That
/// setting must be unusable outside the Testing environment: the service refuses to start with it.
/// </summary>
public sealed class PasswordHashingTests
{
    [Fact]
    public void Start_WithACheapPasswordHashInProduction_IsRefused()
    {
        using var production = new OpenMashFactory { EnvironmentName = "Production" };

        var error = Assert.ThrowsAny<Exception>(() => production.Services);

        Assert.Contains("Security:PasswordHashIterations below 210000 is allowed only in the Testing environment", Messages(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    [InlineData("Staging")]
    public void Options_WithACheapPasswordHashOutsideTesting_FailValidation(string environment)
    {
        using var app = Build(environment, TestDatabase.CheapPasswordHashIterations);

        Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value);
    }

    [Fact]
    public void Options_WithoutASetting_HashAtTheProductionCost()
    {
        using var app = Build("Production", iterations: null);

        app.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(SecurityOptions.MinimumPasswordHashIterations, app.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount);
        Assert.Equal(210_000, SecurityOptions.MinimumPasswordHashIterations);
    }

    [Fact]
    public void Options_WithACheapPasswordHashInTesting_AreUsed()
    {
        using var app = Build(Startup.TestingEnvironment, TestDatabase.CheapPasswordHashIterations);

        app.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(1, app.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount);
    }

    private static WebApplication Build(string environment, string? iterations)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        if (iterations is not null)
        {
            builder.Configuration["Security:PasswordHashIterations"] = iterations;
        }

        builder.AddOpenMash();
        return builder.Build();
    }

    private static string Messages(Exception error) =>
        error is AggregateException aggregate ? string.Join(" | ", aggregate.InnerExceptions.Select(Messages))
        : error.InnerException is { } inner ? error.Message + " | " + Messages(inner)
        : error.Message;
}
