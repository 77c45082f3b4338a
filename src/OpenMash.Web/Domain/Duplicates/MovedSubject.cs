namespace OpenMash.Web.Domain.Duplicates;

public sealed record MovedSubject(Guid ContactId, string Role, bool Dropped);
