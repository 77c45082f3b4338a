using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OpenMash.Sharing;

/// <summary>The validated agreement set, independent of any instant: what every compiled window shares.</summary>
internal sealed class PolicyModel
{
    internal static readonly int AgencyTypeCount = DenseCount<AgencyType>();
    internal static readonly int CategoryCount = DenseCount<DataCategory>();
    internal static readonly int PurposeCount = DenseCount<SharingPurpose>();

    private PolicyModel(PolicyVersion version, Agency[] agencies, Dictionary<AgencyId, int> agencyIndex, SharingAgreement[] rules, long[] boundaries)
    {
        Version = version;
        Agencies = agencies;
        AgencyIndex = agencyIndex;
        Rules = rules;
        Boundaries = boundaries;
    }

    public PolicyVersion Version { get; }

    public Agency[] Agencies { get; }

    public Dictionary<AgencyId, int> AgencyIndex { get; }

    /// <summary>Agreements in force (highest version of each id), most specific first, then by id: the tie-break order.</summary>
    public SharingAgreement[] Rules { get; }

    /// <summary>Sorted distinct UTC ticks at which some rule starts or stops being in force.</summary>
    public long[] Boundaries { get; }

    public static PolicyModel Create(SharingPolicyInputs inputs)
    {
        var agencyIndex = new Dictionary<AgencyId, int>(inputs.Agencies.Count);
        foreach (var agency in inputs.Agencies)
        {
            if (!Enum.IsDefined(agency.Type))
                throw new PolicyCompilationException($"Agency {agency.Id} has an unknown type {(int)agency.Type}.");
            if (!agencyIndex.TryAdd(agency.Id, agencyIndex.Count))
                throw new PolicyCompilationException($"Agency {agency.Id} is listed twice.");
        }

        var latest = new Dictionary<AgreementId, SharingAgreement>();
        var seen = new HashSet<RuleReference>();
        foreach (var agreement in inputs.Agreements)
        {
            Validate(agreement);
            if (!seen.Add(agreement.Rule))
                throw new PolicyCompilationException($"{agreement.Rule} is listed twice.");
            if (!latest.TryGetValue(agreement.Id, out var current) || agreement.Version > current.Version)
                latest[agreement.Id] = agreement;
        }

        var rules = latest.Values
            .OrderByDescending(r => r.Specificity)
            .ThenBy(r => r.Id.Value)
            .ToArray();
        var boundaries = rules
            .SelectMany(r => r.ValidUntil is { } until ? new[] { r.ValidFrom.UtcTicks, until.UtcTicks } : [r.ValidFrom.UtcTicks])
            .Distinct()
            .Order()
            .ToArray();
        var agencies = inputs.Agencies.ToArray();
        var version = new PolicyVersion(inputs.Revision, Hash(agencies, inputs.Agreements));
        return new PolicyModel(version, agencies, agencyIndex, rules, boundaries);
    }

    /// <summary>The allowed level an allow grants, or the highest level a deny leaves.</summary>
    public static SharingOutcome Level(SharingAgreement rule) => (rule.Effect, rule.Mode) switch
    {
        (AgreementEffect.Allow, SharingMode.Content) => SharingOutcome.Content,
        (AgreementEffect.Allow, _) => SharingOutcome.ExistenceOnly,
        (AgreementEffect.Deny, SharingMode.Content) => SharingOutcome.ExistenceOnly,
        _ => SharingOutcome.Deny,
    };

    private static void Validate(SharingAgreement a)
    {
        if (a.Version < 1)
            throw new PolicyCompilationException($"{a.Rule} has a version below 1.");
        if (!Enum.IsDefined(a.Effect) || !Enum.IsDefined(a.Category) || !Enum.IsDefined(a.Purpose) || !Enum.IsDefined(a.Mode))
            throw new PolicyCompilationException($"{a.Rule} has an effect, category, purpose or mode this build does not know.");
        if (!IsValid(a.Source) || !IsValid(a.Destination))
            throw new PolicyCompilationException($"{a.Rule} must name one agency or one agency type on each side.");
        if (a.ValidUntil is { } until && until < a.ValidFrom)
            throw new PolicyCompilationException($"{a.Rule} ends before it starts.");
    }

    private static bool IsValid(PartySelector party) =>
        (party.Agency is null) != (party.Type is null) && (party.Type is not { } type || Enum.IsDefined(type));

    private static string Hash(Agency[] agencies, IReadOnlyList<SharingAgreement> agreements)
    {
        var text = new StringBuilder();
        foreach (var a in agencies.OrderBy(a => a.Id.Value))
            text.Append(CultureInfo.InvariantCulture, $"A|{a.Id}|{(int)a.Type}\n");
        foreach (var r in agreements.OrderBy(r => r.Id.Value).ThenBy(r => r.Version))
        {
            text.Append(CultureInfo.InvariantCulture, $"R|{r.Id}|{r.Version}|{(int)r.Effect}|{Party(r.Source)}|{Party(r.Destination)}|");
            text.Append(CultureInfo.InvariantCulture, $"{r.SourceHub}|{r.DestinationHub}|{(int)r.Category}|{(int)r.Purpose}|{(int)r.Mode}|");
            text.Append(CultureInfo.InvariantCulture, $"{r.ValidFrom.UtcTicks}|{r.ValidUntil?.UtcTicks}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Party(PartySelector party) =>
        party.Agency is { } id ? id.ToString() : ((int)party.Type!.Value).ToString(CultureInfo.InvariantCulture);

    private static int DenseCount<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        for (var i = 0; i < values.Length; i++)
        {
            if (Convert.ToInt32(values[i], CultureInfo.InvariantCulture) != i)
                throw new InvalidOperationException($"{typeof(T).Name} values must be 0..n-1 because the compiled policy indexes arrays by them.");
        }

        return values.Length;
    }
}
