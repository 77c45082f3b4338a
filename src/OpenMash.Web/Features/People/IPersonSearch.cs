namespace OpenMash.Web.Features.People;

/// <summary>Finds people of the current hub. Behind an interface so that a scoring matcher can replace the plain one.</summary>
public interface IPersonSearch
{
    Task<IReadOnlyList<PersonMatch>> SearchAsync(PersonQuery query, CancellationToken ct = default);
}
