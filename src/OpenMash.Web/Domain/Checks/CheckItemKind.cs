namespace OpenMash.Web.Domain.Checks;

/// <summary>What an item of an answer is: information the agency holds, or its domestic abuse history about an adult.</summary>
public enum CheckItemKind
{
    Information,
    DomesticAbuseHistory,
}
