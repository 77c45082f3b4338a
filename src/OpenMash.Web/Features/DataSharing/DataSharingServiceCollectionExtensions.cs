using OpenMash.Web.Features.Shared.SubjectAccess;

namespace OpenMash.Web.Features.DataSharing;

public static class DataSharingServiceCollectionExtensions
{
    /// <summary>The compiled sharing policy (one per process), the one enforcement point and the agreements' administration.</summary>
    public static IServiceCollection AddDataSharing(this IServiceCollection services) => services
        .AddSingleton(sp => new OpenMash.Sharing.PolicyHolder(sp.GetRequiredService<TimeProvider>()))
        .AddScoped<SharingPolicyService>()
        .AddScoped<SharingGate>()
        .AddScoped<AgreementService>()
        .AddScoped<SharingDecisionService>()
        .AddScoped<ISubjectAccessSection, SharingDecisionsSubjectAccess>();
}
