namespace OpenMash.Web.Features.Shared.SubjectAccess;

public sealed record SarDocument(Guid PersonId, string PersonName, string HubName, DateTime PreparedAtUtc, string PreparedBy, IReadOnlyList<SarSection> Sections, IReadOnlyList<SarRedaction> Redactions)
{
    public string FileName => $"subject-access-{PersonId:N}-{PreparedAtUtc:yyyyMMdd-HHmm}.html";
}
