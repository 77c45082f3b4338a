namespace OpenMash.Web.Features.Account;

public static class AccountServiceCollectionExtensions
{
    public static IServiceCollection AddAccount(this IServiceCollection services) => services.AddScoped<SignInFlow>().AddSingleton<DummyPasswordHash>();
}
