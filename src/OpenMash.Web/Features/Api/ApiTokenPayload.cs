namespace OpenMash.Web.Features.Api;

/// <summary>What an access token carries: its record's id, the client, and the secret version it was issued under.</summary>
public sealed record ApiTokenPayload(Guid TokenId, string ClientId, Guid AgencyId, Guid HubId, int SecretVersion);
