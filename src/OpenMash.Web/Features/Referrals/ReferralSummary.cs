namespace OpenMash.Web.Features.Referrals;

/// <summary>What a referrer may be told about their own referral: never the screening, the checks or other agencies' information.</summary>
/// <param name="MadeBy">"You", or the colleague at the referrer's agency who made it.</param>
public sealed record ReferralSummary(Guid Id, string Reference, DateTime ReceivedAtUtc, string Children, string Status, bool Decided, string MadeBy = "You");
