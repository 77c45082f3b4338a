using OpenMash.Sharing;

namespace OpenMash.Web.Features.TaskGroup;

/// <summary>What one partner agency's answer about the child lets the task group see.</summary>
public sealed record TaskGroupPartner(string Agency, SharingOutcome Shared, bool? Known, string? Summary, IReadOnlyList<string> Items, int Withheld, string? WhyNot);
