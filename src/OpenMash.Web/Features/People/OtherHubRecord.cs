namespace OpenMash.Web.Features.People;

/// <summary>
/// What the viewer may see of one record another hub holds about a child of their own hub. With
/// <see cref="OtherHubAccess.ExistenceOnly"/> only the hub's name and <see cref="WhyNot"/> are filled in.
/// </summary>
public sealed record OtherHubRecord(
    Guid LocalPersonId,
    Guid HubId,
    string HubName,
    OtherHubAccess Access,
    string WhyNot,
    Guid? PersonId = null,
    string? Name = null,
    DateOnly? DateOfBirth = null,
    string? NhsNumber = null,
    IReadOnlyList<OtherHubContact>? Contacts = null,
    BreakGlassGrant? Grant = null);
