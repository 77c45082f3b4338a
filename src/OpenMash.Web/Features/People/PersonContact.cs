namespace OpenMash.Web.Features.People;

public sealed record PersonContact(Guid Id, string Reference, DateTime ReceivedAtUtc, ContactState State, SubjectRole Role, List<ConcernCategory> Concerns, DecisionOutcome? Outcome);
