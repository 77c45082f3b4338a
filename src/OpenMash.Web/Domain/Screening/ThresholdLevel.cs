namespace OpenMash.Web.Domain.Screening;

public enum ThresholdLevel
{
    Universal,
    EarlyHelp,
    ChildInNeed,
    ChildProtection,
}
