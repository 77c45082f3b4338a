namespace OpenMash.Web.Features.Checks;

/// <summary>One check in an agency's list: the contact, its children (name and age), when it was asked and when it is due, with the time left.</summary>
public sealed record CheckRow(
    Guid Id,
    string Reference,
    IReadOnlyList<string> Children,
    DateTime RequestedAtUtc,
    DateTime DueAtUtc,
    string TimeLeft,
    CheckStatus Status,
    DateTime? AnsweredAtUtc,
    bool Overdue);
