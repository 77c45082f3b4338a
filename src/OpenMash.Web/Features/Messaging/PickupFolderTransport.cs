using MimeKit;

namespace OpenMash.Web.Features.Messaging;

/// <summary>
/// The embedded default: each message as an <c>.eml</c> file in the pickup folder (written to a temporary name and
/// then moved, so that a reader never sees half a message). Nothing is delivered; the pages say "written to the pickup folder".
/// </summary>
public sealed class PickupFolderTransport(string directory) : IMessageTransport
{
    public DeliveryRoute Route => DeliveryRoute.PickupFolder;

    public async Task SendAsync(OutboxMessage message, MimeMessage mime, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var name = $"{message.CreatedAtUtc:yyyyMMdd-HHmmss}-{message.Id:N}";
        var temporary = Path.Combine(directory, name + ".tmp");
        await using (var file = File.Create(temporary))
        {
            await mime.WriteToAsync(file, ct);
        }

        File.Move(temporary, Path.Combine(directory, name + ".eml"), overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
