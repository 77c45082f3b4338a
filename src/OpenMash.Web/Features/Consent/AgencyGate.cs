using OpenMash.Sharing;
using Agency = OpenMash.Web.Domain.Hubs.Agency;

namespace OpenMash.Web.Features.Consent;

/// <summary>The consent gate's answer for one partner agency, and the override it relied on, if any.</summary>
public sealed record AgencyGate(Agency Agency, ConsentGateResult Result, ConsentOverrideRequest? Override);
