namespace OpenMash.Web.Features.Api;

/// <summary>One partner agency's answer as far as the agreements let it reach the sending agency.</summary>
public sealed record ApiPartnerAnswer(string Agency, string Shared, bool? Known, string? Summary, IReadOnlyList<string> Items, int WithheldItems, string? WhyNotShared);
