namespace OpenMash.Web.Auditing;

public sealed record AuditVerification(long RowsChecked, long? FirstBadSequence, string? Problem)
{
    public bool IsIntact => FirstBadSequence is null;
}
