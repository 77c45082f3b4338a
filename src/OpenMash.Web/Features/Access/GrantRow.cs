namespace OpenMash.Web.Features.Access;

public sealed record GrantRow(BreakGlassGrant Grant, string? UserDisplay, string? Agency, string RequestingHub, string OwningHub);
