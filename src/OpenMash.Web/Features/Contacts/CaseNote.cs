namespace OpenMash.Web.Features.Contacts;

/// <summary>A case note as listed on the contact's pages: who wrote it, when, and what.</summary>
public sealed record CaseNote(Guid Id, DateTime WrittenAtUtc, string WrittenBy, string Text);
