using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace OpenMash.Web.Features.Messaging;

/// <summary>MailKit's SMTP client, connected when first needed and again after any failure.</summary>
public sealed class SmtpTransport(SmtpOptions options) : IMessageTransport
{
    private SmtpClient? _client;

    public DeliveryRoute Route => DeliveryRoute.MailServer;

    public async Task SendAsync(OutboxMessage message, MimeMessage mime, CancellationToken ct)
    {
        try
        {
            var client = await ConnectedAsync(ct);
            await client.SendAsync(mime, ct);
        }
        catch
        {
            // After a refusal or a broken connection, start the next message on a fresh connection.
            await CloseAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync();

    private async Task<SmtpClient> ConnectedAsync(CancellationToken ct)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }

        _client?.Dispose();
        _client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        var security = options.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await _client.ConnectAsync(options.Host!, options.EffectivePort, security, ct);
        if (!string.IsNullOrWhiteSpace(options.UserName))
        {
            await _client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, ct);
        }

        return _client;
    }

    private async Task CloseAsync()
    {
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _client.DisconnectAsync(true, quit.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or MailKit.ProtocolException or SmtpCommandException or System.Net.Sockets.SocketException)
        {
            // Leaving a broken connection: nothing to tell.
        }
        finally
        {
            _client.Dispose();
            _client = null;
        }
    }
}
