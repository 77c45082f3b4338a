namespace OpenMash.Web.Domain.Consent;

/// <summary>UK GDPR Article 6 basis for councils and health when sharing to safeguard a child.</summary>
public enum Article6Basis
{
    /// <summary>Article 6(1)(e): a task carried out in the public interest or in the exercise of official authority.</summary>
    PublicTask,

    /// <summary>Article 6(1)(c): a legal obligation (Children Acts 1989 and 2004).</summary>
    LegalObligation,
}
