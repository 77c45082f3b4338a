namespace OpenMash.Web.Features.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>The outbox sender (SMTP, or the pickup folder when no server is set) and its background pass.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        return services
            .AddSingleton<OutboxSender>()
            .AddHostedService<OutboxSenderService>();
    }
}
