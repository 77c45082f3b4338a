using OpenMash.Web.Features.Shared;

namespace OpenMash.Web.Features.Admin.ClosureDays;

/// <summary>A closure day as typed into the form: the date (GOV.UK date input) and why the hub is closed.</summary>
public sealed class ClosureDayInput
{
    public DateParts Date { get; init; } = new();

    public string? Reason { get; init; }
}
