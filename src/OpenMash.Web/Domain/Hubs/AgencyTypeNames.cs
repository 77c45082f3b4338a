namespace OpenMash.Web.Domain.Hubs;

/// <summary>The kinds of agency in people's words: the one list every page, consent scope and agreement uses.</summary>
public static class AgencyTypeNames
{
    public static string DisplayName(this AgencyType type) => type switch
    {
        AgencyType.ChildrensSocialCare => "Children's social care",
        AgencyType.Police => "Police",
        AgencyType.Health => "Health (including GPs)",
        AgencyType.Education => "Education (schools)",
        AgencyType.Probation => "Probation",
        AgencyType.YouthJustice => "Youth justice",
        AgencyType.Housing => "Housing",
        AgencyType.Voluntary => "Voluntary sector",
        _ => "Other",
    };

    /// <summary>"Any police agency", "Any health (including GPs) agency": the name inside a sentence.</summary>
    public static string AnyOfType(this AgencyType type)
    {
        var name = type.DisplayName();
        return $"Any {char.ToLowerInvariant(name[0])}{name[1..]} agency";
    }

    public static IEnumerable<(string Value, string Text)> Options =>
        Enum.GetValues<AgencyType>().Select(t => (t.ToString(), t.DisplayName()));
}
