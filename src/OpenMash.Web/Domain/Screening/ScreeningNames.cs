namespace OpenMash.Web.Domain.Screening;

public static class ScreeningNames
{
    public static string DisplayName(this ThresholdLevel level) => level switch
    {
        ThresholdLevel.Universal => "Level 1: universal",
        ThresholdLevel.EarlyHelp => "Level 2: early help",
        ThresholdLevel.ChildInNeed => "Level 3: child in need (s17)",
        _ => "Level 4: child protection (s47)",
    };

    public static string DisplayName(this RagRating rag) => rag switch
    {
        RagRating.Red => "Red",
        RagRating.Amber => "Amber",
        _ => "Green",
    };
}
