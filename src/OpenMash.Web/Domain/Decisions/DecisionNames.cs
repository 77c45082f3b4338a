namespace OpenMash.Web.Domain.Decisions;

public static class DecisionNames
{
    public static string DisplayName(this DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.NoFurtherAction => "No further action",
        DecisionOutcome.InformationAndAdvice => "Information and advice",
        DecisionOutcome.EarlyHelp => "Early help",
        DecisionOutcome.ChildInNeedAssessment => "Child in need assessment (s17)",
        DecisionOutcome.StrategyDiscussion => "Strategy discussion / s47 enquiry",
        _ => "Immediate protection",
    };

    public static string DisplayName(this DecisionStatus status) => status switch
    {
        DecisionStatus.Approved => "Approved",
        DecisionStatus.Returned => "Returned to the screener",
        _ => "Awaiting a manager",
    };

    public static string DisplayName(this PrimaryNeed need) => need switch
    {
        PrimaryNeed.N0 => "N0 Not stated",
        PrimaryNeed.N1 => "N1 Abuse or neglect",
        PrimaryNeed.N2 => "N2 Child's disability",
        PrimaryNeed.N3 => "N3 Parental disability or illness",
        PrimaryNeed.N4 => "N4 Family in acute stress",
        PrimaryNeed.N5 => "N5 Family dysfunction",
        PrimaryNeed.N6 => "N6 Socially unacceptable behaviour",
        PrimaryNeed.N7 => "N7 Low income",
        PrimaryNeed.N8 => "N8 Absent parenting",
        _ => "N9 Cases other than children in need",
    };
}
