using System.Text.Json.Serialization;

namespace OpenMash.Web.Features.Api;

/// <summary>An error response of RFC 6749 section 5.2.</summary>
public sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription = null);
