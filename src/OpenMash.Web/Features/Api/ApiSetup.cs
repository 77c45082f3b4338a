using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.OpenApi;
using OpenMash.Web.Security;

namespace OpenMash.Web.Features.Api;

/// <summary>The agency-system API: bearer tokens, the token endpoint, contact intake and its OpenAPI document.</summary>
public static class ApiSetup
{
    public const string OpenApiPath = "/openapi/v1.json";

    public static IServiceCollection AddOpenMashApi(this IServiceCollection services)
    {
        services.AddSingleton<IPasswordHasher<ApiClient>, PasswordHasher<ApiClient>>();
        services.AddScoped<ApiClientRegistry>();
        services.AddSingleton<ApiTokenService>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiBearerHandler>(Policies.ApiClientScheme, null);
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath is { } path && (path.StartsWith("api/", StringComparison.Ordinal) || path == TokenEndpoint.Path.TrimStart('/'));
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "OpenMash front door API",
                    Version = "v1",
                    Description = "Agency systems send contacts to the MASH. Get a token from /connect/token with OAuth 2.0 client credentials "
                        + "(the client id and secret an administrator registered for your agency), then send it as a bearer token. "
                        + "Errors are RFC 9457 problem details. Every new contact must carry an Idempotency-Key header (400 without one): a retry "
                        + "with the same key and the same body gets 201 with the first contact again (header Idempotent-Replayed: true); "
                        + "the same key with another body gets 422.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Policies.ApiClientScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "OAuth 2.0 client credentials; the access token lasts one hour.",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri(TokenEndpoint.Path, UriKind.Relative), Scopes = new Dictionary<string, string>() },
                    },
                };
                foreach (var (path, item) in document.Paths)
                {
                    if (!path.StartsWith("/api/", StringComparison.Ordinal) || item.Operations is null)
                    {
                        continue;
                    }

                    foreach (var operation in item.Operations.Values)
                    {
                        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Policies.ApiClientScheme, document)] = [] }];
                    }

                    if (item.Operations.TryGetValue(HttpMethod.Post, out var post))
                    {
                        post.Parameters ??= [];
                        post.Parameters.Add(new OpenApiParameter
                        {
                            Name = ContactsEndpoints.IdempotencyHeader,
                            In = ParameterLocation.Header,
                            Description = "Required. A new key (e.g. a UUID) for each new contact, the same key for a retry of it. Keys are per client.",
                            Required = true,
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                        });
                    }
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// Requests under /api that match no route (404), or a route with another method (405) or media type (415), have
    /// no endpoint policy, so the sign-in fallback would answer 401 even to a valid token. Between authentication and
    /// authorisation, this authenticates them as an agency system: a missing or bad token is 401, a good one gets the
    /// real status, all as problem details (status code pages).
    /// </summary>
    public static void UseOpenMashApiRouting(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var endpoint = context.GetEndpoint();
        if (!context.Request.Path.StartsWithSegments("/api") || endpoint is RouteEndpoint)
        {
            await next(context);
            return;
        }

        var result = await context.AuthenticateAsync(Policies.ApiClientScheme);
        if (!result.Succeeded)
        {
            await context.ChallengeAsync(Policies.ApiClientScheme);
            return;
        }

        context.User = result.Principal;
        if (endpoint?.RequestDelegate is { } rejection)
        {
            // Routing's own 405 (with its Allow header) or 415 endpoint.
            await rejection(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    });

    public static void MapOpenMashApi(this WebApplication app)
    {
        app.MapOpenApi(OpenApiPath).AllowAnonymous();

        app.MapPost(TokenEndpoint.Path, TokenEndpoint.HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(Startup.SignInRateLimit)
            .WithName("Token")
            .WithSummary("Get an access token (OAuth 2.0 client credentials)")
            .Accepts<TokenRequest>("application/x-www-form-urlencoded")
            .Produces<TokenResponse>()
            .Produces<OAuthError>(StatusCodes.Status400BadRequest)
            .Produces<OAuthError>(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var contacts = app.MapGroup("/api/v1/contacts").RequireAuthorization(Policies.ApiClient).WithTags("Contacts");
        contacts.MapPost("/", ContactsEndpoints.CreateAsync)
            .WithName("CreateContact")
            .WithSummary("Send a contact about one or more children")
            .Accepts<ApiContactRequest>("application/json")
            .Produces<ApiContactReceipt>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        contacts.MapGet("/{id:guid}", ContactsEndpoints.GetAsync)
            .WithName("GetContact")
            .WithSummary("Where a contact your agency sent has got to, and its outcome once decided")
            .Produces<ApiContactStatus>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        contacts.MapGet("/{id:guid}/partner-information", PartnerInformationEndpoint.GetAsync)
            .WithName("GetPartnerInformation")
            .WithSummary("What partner agencies' answers about a contact your agency sent the data sharing agreements let your agency see")
            .Produces<ApiPartnerInformation>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
