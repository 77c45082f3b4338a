namespace OpenMash.Web.Domain.Messaging;

/// <summary>The kinds of e-mail the outbox carries (stored in <see cref="OutboxMessage.Kind"/>), and their names in words.</summary>
public static class MessageKinds
{
    public const string ReferrerFeedback = "ReferrerFeedback";

    public const string CheckChase = "CheckChaser";

    public const string BreakGlassNotice = "BreakGlassNotice";

    public const string AgreementNotice = "AgreementNotice";

    public const string DecisionWarning = "DecisionWarning";

    public const string DecisionOverdue = "DecisionOverdue";

    public const string AttachmentAdded = "AttachmentAdded";

    public static string DisplayName(string kind) => kind switch
    {
        ReferrerFeedback => "Feedback to the referrer",
        CheckChase => "Chase for an overdue check",
        BreakGlassNotice => "Break-glass notice to managers",
        AgreementNotice => "Data sharing agreement notice",
        DecisionWarning => "Decision time running out, to managers",
        DecisionOverdue => "Decision overdue, to managers",
        AttachmentAdded => "New attachment on a contact, to its worker",
        _ => "E-mail",
    };
}
