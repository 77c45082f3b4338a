namespace OpenMash.Web.Features.Shared;

/// <summary>
/// What the case pages say about the e-mails of a contact: "sent" only when the outbox says the server accepted the
/// message, otherwise queued (and when) or why it could not be sent.
/// </summary>
public static class OutboxWords
{
    /// <summary>The referrer's feedback for a decided contact, or null before the decision.</summary>
    public static string? Feedback(Contact contact, OutboxMessage? feedback)
    {
        if (!contact.IsDecided)
        {
            return null;
        }

        if (feedback is not null)
        {
            return "Feedback to the referrer " + feedback.StatusText(t => CaseDisplay.Time(t)) + ".";
        }

        // Contacts decided before the outbox recorded delivery (or brought across) may carry only the time it was sent.
        return contact.FeedbackSentAtUtc is { } sent
            ? $"Feedback to the referrer sent at {CaseDisplay.Time(sent)}."
            : "No feedback e-mail: the referrer gave no e-mail address.";
    }

    /// <summary>How often a check was chased, in words: "Chased once", "Chased 2 times".</summary>
    public static string ChasedTimes(int count) => count == 1 ? "Chased once" : $"Chased {count} times";

    /// <summary>The chases of one unanswered check, in words ("Chased 2 times by e-mail: the last sent at ...").</summary>
    public static string Chases(MultiAgencyCheck check, IReadOnlyCollection<OutboxMessage> chases, DateTime nowUtc)
    {
        var mine = chases.Where(m => m.RecordId == check.Id).OrderByDescending(m => m.CreatedAtUtc).ToList();
        var noAddress = string.IsNullOrWhiteSpace(check.Agency.EmailAddress);
        if (mine.Count == 0)
        {
            return check.DueAtUtc >= nowUtc ? "Not chased: not yet due."
                : noAddress ? $"Not chased: {check.Agency.Name} has no e-mail address in OpenMash, so no chase can be sent (an administrator can add one under Agencies)."
                : "Not chased yet.";
        }

        var last = mine[0];
        return $"{ChasedTimes(mine.Count)} by e-mail; the last {last.StatusText(t => CaseDisplay.Time(t))}."
            + (noAddress ? $" {check.Agency.Name} now has no e-mail address, so it will not be chased again." : string.Empty);
    }
}
