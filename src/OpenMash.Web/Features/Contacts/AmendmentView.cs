namespace OpenMash.Web.Features.Contacts;

/// <summary>An amendment as shown: when, who, why, and each change in words ("Concerns: Neglect → Neglect, Physical abuse").</summary>
public sealed record AmendmentView(DateTime AmendedAtUtc, string AmendedBy, string Reason, IReadOnlyList<AmendmentView.Change> Changes)
{
    public sealed record Change(string What, string Before, string After)
    {
        public override string ToString() => $"{What}: {Before} changed to {After}";
    }
}
