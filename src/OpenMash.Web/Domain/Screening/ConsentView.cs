namespace OpenMash.Web.Domain.Screening;

/// <summary>
/// Above threshold harm is suspected and sharing without consent is lawful (the reason is recorded); below it,
/// consent is needed before partner checks.
/// </summary>
public enum ConsentView
{
    AboveThreshold,
    BelowThreshold,
}
