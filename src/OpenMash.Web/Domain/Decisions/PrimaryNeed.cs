namespace OpenMash.Web.Domain.Decisions;

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
