namespace OpenMash.Web.Features.People;

public sealed record RelatedPerson(Guid Id, string Name, string Description);
