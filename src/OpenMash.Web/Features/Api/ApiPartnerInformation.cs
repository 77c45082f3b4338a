namespace OpenMash.Web.Features.Api;

/// <summary>What partner agencies share with the agency that sent the contact; answers whose existence is refused are left out.</summary>
public sealed record ApiPartnerInformation(Guid ContactId, string Reference, IReadOnlyList<ApiPartnerAnswer> Answers, string Notice);
