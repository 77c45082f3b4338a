namespace OpenMash.Sharing;

public readonly record struct AgencyId(Guid Value)
{
    public override string ToString() => Value.ToString("D");
}

public readonly record struct HubId(Guid Value)
{
    public override string ToString() => Value.ToString("D");
}

/// <summary>Kinds of agency that take part in a hub. Values must stay dense from 0: the compiler indexes arrays by them.</summary>
public enum AgencyType
{
    ChildrensSocialCare,
    Police,
    Health,
    Education,
    Probation,
    YouthJustice,
    Housing,
    Voluntary,
    Other,
}

/// <summary>An agency known to the policy. An agency not in the registry is never shared with or from.</summary>
public sealed record Agency(AgencyId Id, AgencyType Type);
