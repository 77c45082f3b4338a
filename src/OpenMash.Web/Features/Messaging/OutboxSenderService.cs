using Microsoft.Extensions.Options;

namespace OpenMash.Web.Features.Messaging;

/// <summary>Runs <see cref="OutboxSender.SendDueAsync"/> every <c>Smtp:SendEverySeconds</c>, straight on while passes come back full.</summary>
public sealed partial class OutboxSenderService(OutboxSender sender, TimeProvider time, IOptions<SmtpOptions> settings, ILogger<OutboxSenderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = settings.Value;
        if (options.SendEverySeconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.SendEverySeconds), time);
        do
        {
            try
            {
                while (await sender.SendDueAsync(stoppingToken) >= options.BatchSize && !stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPassFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the outbox failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
