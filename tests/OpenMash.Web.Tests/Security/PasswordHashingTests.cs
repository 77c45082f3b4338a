using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenMash.Web.Security;

namespace OpenMash.Web.Tests.Security;

/// <summary>A password hash cheaper than the production cost is allowed only in the Testing environment.</summary>
public sealed class PasswordHashingTests
{
    private const string CheapHash = "1";

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    [InlineData("Staging")]
    public void Options_WithACheapPasswordHashOutsideTesting_FailValidation(string environment)
    {
        using var app = Build(environment, CheapHash);

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
        using var app = Build(Startup.TestingEnvironment, CheapHash);

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
}
