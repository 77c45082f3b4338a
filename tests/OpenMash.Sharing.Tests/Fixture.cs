namespace OpenMash.Sharing.Tests;

internal static class Fixture
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly HubId Staffordshire = new(Guid.Parse("5a000000-0000-0000-0000-000000000001"));
    public static readonly HubId Stoke = new(Guid.Parse("5a000000-0000-0000-0000-000000000002"));

    public static readonly AgencyId StaffordshirePolice = Agency(1);
    public static readonly AgencyId StaffordshireCsc = Agency(2);
    public static readonly AgencyId StokeCsc = Agency(3);
    public static readonly AgencyId MidlandsTrust = Agency(4);
    public static readonly AgencyId CountyHospital = Agency(5);
    public static readonly AgencyId HighSchool = Agency(6);
    public static readonly AgencyId Unregistered = Agency(99);

    public static readonly Agency[] Agencies =
    [
        new(StaffordshirePolice, AgencyType.Police),
        new(StaffordshireCsc, AgencyType.ChildrensSocialCare),
        new(StokeCsc, AgencyType.ChildrensSocialCare),
        new(MidlandsTrust, AgencyType.Health),
        new(CountyHospital, AgencyType.Health),
        new(HighSchool, AgencyType.Education),
    ];

    private static int nextAgreement;

    public static SharingAgreement Allow(PartySelector source, PartySelector destination, SharingMode mode = SharingMode.Content) =>
        Rule(AgreementEffect.Allow, source, destination, mode);

    public static SharingAgreement Deny(PartySelector source, PartySelector destination, SharingMode mode = SharingMode.Existence) =>
        Rule(AgreementEffect.Deny, source, destination, mode);

    public static PartySelector Of(AgencyId agency) => PartySelector.ForAgency(agency);

    public static PartySelector Any(AgencyType type) => PartySelector.ForType(type);

    public static SharingRequest Request(
        AgencyId source,
        AgencyId destination,
        DataCategory category = DataCategory.HealthRecords,
        DateTimeOffset? at = null,
        HubId? sourceHub = null,
        HubId? destinationHub = null) =>
        new(source, sourceHub ?? Staffordshire, destination, destinationHub ?? sourceHub ?? Staffordshire, category,
            SharingPurpose.SafeguardingScreening, at ?? Now);

    public static CompiledSharingPolicy Compile(params SharingAgreement[] agreements) =>
        CompiledSharingPolicy.Compile(new SharingPolicyInputs(1, Agencies, agreements), Now);

    public static SharingPolicyInputs Inputs(long revision, params SharingAgreement[] agreements) =>
        new(revision, Agencies, agreements);

    private static SharingAgreement Rule(AgreementEffect effect, PartySelector source, PartySelector destination, SharingMode mode) =>
        new(
            new AgreementId(Guid.Parse($"a0000000-0000-0000-0000-{Interlocked.Increment(ref nextAgreement):x12}")),
            1,
            effect,
            source,
            destination,
            Staffordshire,
            Staffordshire,
            DataCategory.HealthRecords,
            SharingPurpose.SafeguardingScreening,
            mode,
            Now.AddYears(-1),
            null);

    private static AgencyId Agency(int n) => new(Guid.Parse($"ac000000-0000-0000-0000-{n:x12}"));
}
