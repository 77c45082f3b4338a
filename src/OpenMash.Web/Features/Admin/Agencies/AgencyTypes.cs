namespace OpenMash.Web.Features.Admin.Agencies;

public static class AgencyTypes
{
    public static string DisplayName(AgencyType type) => type switch
    {
        AgencyType.ChildrensSocialCare => "Children's social care",
        AgencyType.Police => "Police",
        AgencyType.Health => "Health",
        AgencyType.Education => "Education",
        AgencyType.Probation => "Probation",
        AgencyType.YouthJustice => "Youth justice",
        AgencyType.Housing => "Housing",
        AgencyType.Voluntary => "Voluntary sector",
        _ => "Other",
    };

    public static IEnumerable<(string Value, string Text)> Options =>
        Enum.GetValues<AgencyType>().Select(t => (t.ToString(), DisplayName(t)));
}
