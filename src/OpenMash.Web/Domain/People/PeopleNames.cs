namespace OpenMash.Web.Domain.People;

public static class PeopleNames
{
    public static string DisplayName(this MatchStrength strength) => strength switch
    {
        MatchStrength.SameIdentifier => "Same NHS number or UPN",
        MatchStrength.Likely => "Likely",
        MatchStrength.Possible => "Possible",
        MatchStrength.LessLikely => "Less likely",
        _ => "Exact",
    };
}
