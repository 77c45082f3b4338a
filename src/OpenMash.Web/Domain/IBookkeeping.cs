namespace OpenMash.Web.Domain;

/// <summary>
/// A row the system derives and keeps for itself (the person change feed, the duplicate queue's pairs and state),
/// never a person's act and never information a user entered: the audit interceptor does not describe its changes
/// row by row. The acts that cause them (the person's change, a merge, a dismissal, a view of the queue) are audited.
/// </summary>
public interface IBookkeeping;
