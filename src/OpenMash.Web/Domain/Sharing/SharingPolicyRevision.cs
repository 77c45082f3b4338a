namespace OpenMash.Web.Domain.Sharing;

/// <summary>
/// The single row every application instance reads on each request; any change to an agreement increments it in
/// the same transaction, so every instance recompiles its policy on its next request.
/// </summary>
public sealed class SharingPolicyRevision
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Revision { get; set; }
}
