namespace OpenMash.Web.Features.Checks;

/// <summary>One person a check asks about, as the request shows them: name, birth, how they are related to the children, and whether asked about as an adult.</summary>
public sealed record CheckPersonView(CheckPerson Person, string Name, string Born, string? Relationship)
{
    public bool AsAdult => Person.AsAdult;
}
