namespace OpenMash.Web.Domain.Checks;

/// <summary>
/// One person a check asks about (a child, or an adult of the household), and the agency's answer about them: nothing
/// held, or what it holds (the items about them). An adult's answer also says whether the agency holds domestic abuse
/// history about them, so that it is asked every time (the Star Hobson review: police history on the mother's partner
/// was never checked).
/// </summary>
public sealed class CheckPerson : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid CheckId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>Where the person comes in the request: the children first, then the adults.</summary>
    public int Position { get; set; }

    /// <summary>Asked about as an adult of the household: the answer must say whether domestic abuse history is held.</summary>
    public bool AsAdult { get; set; }

    /// <summary>Null until answered; false: nothing held about this person.</summary>
    public bool? Held { get; set; }

    /// <summary>For an adult, whether the agency holds domestic abuse history about them; null for a child or before the answer.</summary>
    public bool? DomesticAbuseHeld { get; set; }

    public bool IsAnswered => Held is not null;

    /// <summary>The agency's answer about this person; refuses an answer that skips the domestic abuse question for an adult.</summary>
    public void Answer(bool held, bool? domesticAbuseHeld)
    {
        if (AsAdult && domesticAbuseHeld is null)
        {
            throw new InvalidOperationException("An answer about an adult must say whether domestic abuse history is held.");
        }

        if (!AsAdult && domesticAbuseHeld is not null)
        {
            throw new InvalidOperationException("The domestic abuse question is asked about adults only.");
        }

        if (domesticAbuseHeld == true && !held)
        {
            throw new InvalidOperationException("Domestic abuse history held is information held about the person.");
        }

        Held = held;
        DomesticAbuseHeld = domesticAbuseHeld;
    }
}
