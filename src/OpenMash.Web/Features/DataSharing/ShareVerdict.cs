using OpenMash.Sharing;

namespace OpenMash.Web.Features.DataSharing;

/// <summary>
/// The gate's answer. <see cref="WhyNot"/> names the rule that refused and whom to ask; it never repeats content.
/// Show it only where the viewer may know the information exists (<see cref="MayKnowExists"/>); otherwise show the
/// page's general <see cref="SharingGate.SomethingMayBeWithheld"/> notice, which reveals nothing.
/// </summary>
public sealed record ShareVerdict(SharingDecision Decision, string WhyNot)
{
    public bool MaySeeContent => Decision.Outcome == SharingOutcome.Content;

    public bool MayKnowExists => Decision.Outcome >= SharingOutcome.ExistenceOnly;

    public SharingOutcome Outcome => Decision.Outcome;
}
