namespace OpenMash.Web.Domain;

/// <summary>A record about people: its audit rows name them as subjects.</summary>
public interface IAuditSubjects
{
    IEnumerable<Guid> AuditSubjects { get; }
}
