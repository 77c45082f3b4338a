using System.Net;
using OpenMash.Web.Tests.Infrastructure;
using static OpenMash.Web.Tests.Features.Api.ApiTestSupport;

namespace OpenMash.Web.Tests.Features.Api;

/// <summary>Two instances over one database accept each other's tokens only when they share the configured key ring.</summary>
public sealed class SharedKeyRingTests : IDisposable
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "openmash-keys-" + Guid.NewGuid().ToString("N"));
    private readonly string _otherKeys = Path.Combine(Path.GetTempPath(), "openmash-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ATokenFromOneInstance_IsAcceptedByAnotherWithTheSameKeysDirectory_AndRefusedByOneWithOtherKeys()
    {
        await using var first = new ApiFactory();
        first.Settings["DataProtection:KeysDirectory"] = _keys;
        var token = await TokenAsync(first.CreateBrowserlessClient());
        Assert.NotEmpty(Directory.GetFiles(_keys, "key-*.xml"));

        await using var second = OpenMashFactory.SharingDatabaseWith(first);
        second.Settings["DataProtection:KeysDirectory"] = _keys;
        var accepted = await GetContactAsync(second.CreateBrowserlessClient(), token, Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, accepted.StatusCode);

        await using var stranger = OpenMashFactory.SharingDatabaseWith(first);
        stranger.Settings["DataProtection:KeysDirectory"] = _otherKeys;
        var refused = await GetContactAsync(stranger.CreateBrowserlessClient(), token, Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    public void Dispose()
    {
        foreach (var dir in new[] { _keys, _otherKeys })
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }
}
