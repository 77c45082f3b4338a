using System.Text.Json.Serialization;

namespace OpenMash.Web.Features.Api;

/// <summary>The form fields of a client credentials token request (RFC 6749 section 4.4).</summary>
public sealed record TokenRequest(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("client_secret")] string? ClientSecret);
