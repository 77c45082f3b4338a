namespace OpenMash.Web.Domain.Decisions;

/// <summary>The front-door outcomes of REFERENCE section 2.</summary>
public enum DecisionOutcome
{
    NoFurtherAction,
    InformationAndAdvice,
    EarlyHelp,
    ChildInNeedAssessment,
    StrategyDiscussion,
    ImmediateProtection,
}
