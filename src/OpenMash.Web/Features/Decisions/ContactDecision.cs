using OpenMash.Web.Data;

namespace OpenMash.Web.Features.Decisions;

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

/// <summary>CIN census primary need code N0-N9.</summary>
public enum PrimaryNeed
{
    N0,
    N1,
    N2,
    N3,
    N4,
    N5,
    N6,
    N7,
    N8,
    N9,
}

public enum DecisionStatus
{
    Proposed,
    Approved,
    Returned,
}

/// <summary>The screener proposes; a MASH manager decides (four eyes).</summary>
public sealed class ContactDecision : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public Guid ProposedByUserId { get; set; }

    public DateTime ProposedAtUtc { get; set; }

    public DecisionOutcome Outcome { get; set; }

    public required string Rationale { get; set; }

    public string? Team { get; set; }

    public PrimaryNeed PrimaryNeed { get; set; }

    public DecisionStatus Status { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    public string? ManagerComment { get; set; }

    /// <summary>Set aside for a second manager's dip sample (a share of no-further-action decisions).</summary>
    public bool DipSample { get; set; }

    public Guid? DipSampledByUserId { get; set; }

    public DateTime? DipSampledAtUtc { get; set; }

    public string? DipSampleNote { get; set; }
}

public sealed class StrategyDiscussion : IHubScoped
{
    public Guid Id { get; set; }

    public Guid HubId { get; set; }

    public Guid ContactId { get; set; }

    public bool Held { get; set; }

    public DateTime? HeldAtUtc { get; set; }

    public bool InvitedPolice { get; set; }

    public bool InvitedHealth { get; set; }

    public bool InvitedEducation { get; set; }

    public bool InvitedSocialWorker { get; set; }

    /// <summary>Agency ids of those who attended.</summary>
    public List<Guid> AttendedAgencyIds { get; set; } = [];

    public bool? SectionFortySevenAgreed { get; set; }

    /// <summary>Required when no discussion is held although harm was suspected.</summary>
    public string? NotHeldReason { get; set; }

    public Guid RecordedByUserId { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}

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
