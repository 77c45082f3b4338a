namespace OpenMash.Web.Auditing;

/// <summary>The single row that holds the end of the chain; writers lock it only while appending.</summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public int Id { get; set; }

    public long LastSequence { get; set; }

    public required string LastHash { get; set; }
}
