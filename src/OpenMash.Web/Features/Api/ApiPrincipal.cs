using System.Security.Claims;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Api;

/// <summary>The principal of an agency system: no user id, named "api:client-id", with its agency and hub.</summary>
public static class ApiPrincipal
{
    public static string UserNameFor(string clientId) => "api:" + clientId;

    public static ClaimsPrincipal Create(string clientId, Guid agencyId, Guid hubId, string scheme)
    {
        var name = UserNameFor(clientId);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, name),
                new Claim(ClaimTypes.Name, name),
                new Claim(OpenMashClaims.ApiClientId, clientId),
                new Claim(OpenMashClaims.AgencyId, agencyId.ToString()),
                new Claim(OpenMashClaims.HubId, hubId.ToString()),
            ],
            scheme);
        return new ClaimsPrincipal(identity);
    }

    public static string ClientId(ClaimsPrincipal user) =>
        user.FindFirstValue(OpenMashClaims.ApiClientId) ?? throw new InvalidOperationException("Not an API client.");
}
