namespace OpenMash.Web.Features.Shared.SubjectAccess;

/// <summary>
/// One feature's part of the subject access export: the feature that owns the records writes their section, so a new
/// module adds its own records to the export (registered with <c>AddScoped&lt;ISubjectAccessSection, ...&gt;()</c> in
/// its <c>Add&lt;Module&gt;()</c>) instead of editing one long builder.
/// </summary>
public interface ISubjectAccessSection
{
    /// <summary>Where the section comes in the document: lower first (people 100, contacts 200, ... access 900).</summary>
    int Order { get; }

    /// <summary>
    /// Every entity type holding information about a person that this feature owns, and how the export covers it
    /// (or why not). A test fails when the model gains such a type that no section lists.
    /// </summary>
    IReadOnlyDictionary<Type, string> Covers { get; }

    /// <summary>
    /// Adds the section (or sections) for <see cref="SubjectAccessBuilder.Person"/>, listing what is withheld in
    /// <see cref="SubjectAccessBuilder.Redactions"/> and other people's names in <see cref="SubjectAccessBuilder.ThirdParties"/>.
    /// </summary>
    Task AddAsync(SubjectAccessBuilder sar, CancellationToken ct);
}
