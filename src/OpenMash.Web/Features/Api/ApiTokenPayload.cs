namespace OpenMash.Web.Features.Api;

public sealed record ApiTokenPayload(string ClientId, Guid AgencyId, Guid HubId);
