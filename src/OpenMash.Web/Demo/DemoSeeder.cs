using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenMash.Web.Data;
using OpenMash.Web.Features.Api;
using OpenMash.Web.Security;

namespace OpenMash.Web.Demo;

public sealed record DemoAccount(string UserName, string DisplayName, string Role, string Hub, string Agency, string? AlsoHolds = null);

/// <summary>
/// Seeds two fictional hubs, their agencies and one demo user per role per hub. Every row it writes is audited
/// as the system actor "seed-demo". All names are invented.
/// </summary>
public sealed class DemoSeeder(
    OpenMashDbContext db,
    UserManager<AppUser> users,
    RoleManager<AppRole> roles,
    CurrentActor actor,
    IOptions<DemoOptions> demo,
    ApiClientRegistry apiClients,
    DemoFrontDoor frontDoor,
    DemoConsent consent,
    DemoPaths paths)
{
    public const string DemoApiClientId = "demo-police";

    public const string StaffordshireCode = "STAFFS";
    public const string StokeCode = "STOKE";

    private const string StaffsCsc = "Staffordshire County Council Children's Social Care";
    private const string StokeCsc = "Stoke-on-Trent City Council Children's Social Care";
    private const string Police = "Staffordshire Police";
    private const string CommunityHealth = "Demo Community Health NHS Trust";
    private const string Hospitals = "Demo University Hospitals NHS Trust";
    private const string Probation = "Probation Service (Staffordshire and Stoke-on-Trent)";
    private const string StaffsSchool = "Oakbrook Primary School (demo)";
    private const string StokeSchool = "Kingsfield Academy (demo)";
    private const string StaffsEducation = "Staffordshire County Council Education Safeguarding (demo)";
    private const string StokeEducation = "Stoke-on-Trent City Council Education Safeguarding (demo)";

    /// <summary>The demo schools by hub code: each school's safeguarding lead answers the checks sent to that school.</summary>
    public static IReadOnlyDictionary<string, string> Schools { get; } = new Dictionary<string, string>(StringComparer.Ordinal) { [StaffordshireCode] = StaffsSchool, [StokeCode] = StokeSchool };

    /// <summary>The demo local authority education safeguarding teams by hub code (education's researchers), not a school.</summary>
    public static IReadOnlyDictionary<string, string> EducationTeams { get; } = new Dictionary<string, string>(StringComparer.Ordinal) { [StaffordshireCode] = StaffsEducation, [StokeCode] = StokeEducation };

    public static IReadOnlyList<DemoAccount> Accounts { get; } = BuildAccounts();

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        actor.Set(Actor.System("seed-demo"));
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new AppRole { Name = role });
            }
        }

        if (await db.Hubs.AnyAsync(ct))
        {
            return false;
        }

        var staffs = new Hub { Id = Guid.NewGuid(), Code = StaffordshireCode, Name = "Staffordshire MASH" };
        var stoke = new Hub { Id = Guid.NewGuid(), Code = StokeCode, Name = "Stoke-on-Trent Children's Front Door" };
        db.Hubs.AddRange(staffs, stoke);
        db.HubSettings.AddRange(
            new HubSettings { HubId = staffs.Id, ThresholdGuidance = ThresholdGuidance, SupportContact = "Staffordshire MASH business support (demo): 01234 000001" },
            new HubSettings { HubId = stoke.Id, ThresholdGuidance = ThresholdGuidance, SupportContact = "Stoke-on-Trent front door business support (demo): 01234 000002" });

        // Fictional shared mailboxes (the reserved .example domain) for chases; the probation service has none, to show
        // that an agency without an address is not chased and the case page says so.
        Agency Add(string name, AgencyType type, bool lead, params Hub[] hubs)
        {
            var mailbox = name == Probation ? null
                : new string(name.ToLowerInvariant().Where(ch => char.IsAsciiLetterOrDigit(ch) || ch == ' ').ToArray()).Trim().Replace(' ', '.');
            var agency = new Agency
            {
                Id = Guid.NewGuid(),
                Name = name,
                Type = type,
                IsLeadSafeguardingPartner = lead,
                EmailAddress = mailbox is null ? null : $"checks.{(mailbox.Length <= 40 ? mailbox : mailbox[..40].TrimEnd('.'))}@demo.openmash.example",
            };
            agency.Hubs.AddRange(hubs.Select(h => new AgencyHub { Agency = agency, HubId = h.Id }));
            db.Agencies.Add(agency);
            return agency;
        }

        var agencies = new[]
        {
            Add(StaffsCsc, AgencyType.ChildrensSocialCare, true, staffs),
            Add(StokeCsc, AgencyType.ChildrensSocialCare, true, stoke),
            Add(Police, AgencyType.Police, true, staffs, stoke),
            Add(CommunityHealth, AgencyType.Health, true, staffs, stoke),
            Add(Hospitals, AgencyType.Health, false, staffs, stoke),
            Add(Probation, AgencyType.Probation, false, staffs, stoke),
            Add(StaffsSchool, AgencyType.Education, false, staffs),
            Add(StokeSchool, AgencyType.Education, false, stoke),
            Add(StaffsEducation, AgencyType.Education, false, staffs),
            Add(StokeEducation, AgencyType.Education, false, stoke),
        }.ToDictionary(a => a.Name, StringComparer.Ordinal);
        await db.SaveChangesAsync(ct);

        foreach (var account in Accounts)
        {
            var user = new AppUser
            {
                UserName = account.UserName,
                Email = $"{account.UserName}@demo.openmash.example",
                DisplayName = account.DisplayName,
                AgencyId = agencies[account.Agency].Id,
                HubId = account.Hub == StaffordshireCode ? staffs.Id : stoke.Id,
                IsDemoAccount = true,
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user, DemoPassword()), account.UserName);
            Check(await users.AddToRoleAsync(user, account.Role), account.UserName);
            if (account.AlsoHolds is { } also)
            {
                Check(await users.AddToRoleAsync(user, also), account.UserName);
            }
        }

        // The hub filter needs a hub, so each hub's case records are written as that hub's seeding actor.
        foreach (var hub in new[] { staffs, stoke })
        {
            actor.Set(Actor.System("seed-demo", hub.Id));
            await frontDoor.SeedAsync(hub, ct);
        }

        actor.Set(Actor.System("seed-demo"));
        await SeedAgreementsAsync(staffs, stoke, ct);
        // The cases are worked through the application's own services, as each hub's demo users would (DemoWork).
        var shared = 900;
        foreach (var hub in new[] { staffs, stoke })
        {
            var work = paths.Begin();
            await consent.SeedAsync(hub, work, ct);
            shared = await DemoAccess.SeedAsync(db, actor, work, hub, shared, ct);
            await paths.SeedAsync(hub, work, ct);
        }

        actor.Set(Actor.System("seed-demo"));
        return true;
    }

    /// <summary>
    /// Demonstration agreements: partners share with children's social care within each hub for screening; the two
    /// hubs' social care teams tell each other only that they know a child, for the exploitation task group.
    /// </summary>
    private async Task SeedAgreementsAsync(Hub staffs, Hub stoke, CancellationToken ct)
    {
        var from = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        DataSharingAgreement Line(string name, OpenMash.Sharing.AgencyType source, OpenMash.Sharing.AgencyType destination, Hub sourceHub, Hub destinationHub,
            OpenMash.Sharing.DataCategory category, OpenMash.Sharing.SharingPurpose purpose, OpenMash.Sharing.SharingMode mode) =>
            DataSharingAgreement.BetweenTypes(name, OpenMash.Sharing.AgreementEffect.Allow, source, sourceHub.Id, destination, destinationHub.Id, category, purpose, mode, from);

        foreach (var hub in new[] { staffs, stoke })
        {
            db.DataSharingAgreements.AddRange(
                Line($"Police incidents to social care for screening ({hub.Code}, demo)", OpenMash.Sharing.AgencyType.Police, OpenMash.Sharing.AgencyType.ChildrensSocialCare, hub, hub, OpenMash.Sharing.DataCategory.PoliceIncidents, OpenMash.Sharing.SharingPurpose.SafeguardingScreening, OpenMash.Sharing.SharingMode.Content),
                Line($"Police intelligence to social care for screening ({hub.Code}, demo)", OpenMash.Sharing.AgencyType.Police, OpenMash.Sharing.AgencyType.ChildrensSocialCare, hub, hub, OpenMash.Sharing.DataCategory.PoliceIntelligence, OpenMash.Sharing.SharingPurpose.SafeguardingScreening, OpenMash.Sharing.SharingMode.Content),
                Line($"Health records to social care for screening ({hub.Code}, demo)", OpenMash.Sharing.AgencyType.Health, OpenMash.Sharing.AgencyType.ChildrensSocialCare, hub, hub, OpenMash.Sharing.DataCategory.HealthRecords, OpenMash.Sharing.SharingPurpose.SafeguardingScreening, OpenMash.Sharing.SharingMode.Content),
                Line($"School attendance to social care for screening ({hub.Code}, demo)", OpenMash.Sharing.AgencyType.Education, OpenMash.Sharing.AgencyType.ChildrensSocialCare, hub, hub, OpenMash.Sharing.DataCategory.EducationAttendance, OpenMash.Sharing.SharingPurpose.SafeguardingScreening, OpenMash.Sharing.SharingMode.Content));
        }

        DemoBoundaries.AddAgreements(db, staffs, stoke, from);
        DemoAccess.AddAgreements(db, staffs, stoke, from);
        db.DataSharingAgreements.Add(Line("Staffordshire to Stoke-on-Trent: known to social care, exploitation task group (demo)", OpenMash.Sharing.AgencyType.ChildrensSocialCare, OpenMash.Sharing.AgencyType.ChildrensSocialCare, staffs, stoke, OpenMash.Sharing.DataCategory.SocialCareHistory, OpenMash.Sharing.SharingPurpose.ChildExploitationTaskGroup, OpenMash.Sharing.SharingMode.Existence));
        db.DataSharingAgreements.Add(Line("Stoke-on-Trent to Staffordshire: known to social care, exploitation task group (demo)", OpenMash.Sharing.AgencyType.ChildrensSocialCare, OpenMash.Sharing.AgencyType.ChildrensSocialCare, stoke, staffs, OpenMash.Sharing.DataCategory.SocialCareHistory, OpenMash.Sharing.SharingPurpose.ChildExploitationTaskGroup, OpenMash.Sharing.SharingMode.Existence));
        await db.SaveChangesAsync(ct);
        await Features.DataSharing.SharingPolicyRevisions.BumpAsync(db, ct);
    }

    /// <summary>Sets every demo account's password to this run's demo password, so the one printed is the one that works.</summary>
    public async Task ResetPasswordsAsync(string password)
    {
        actor.Set(Actor.System("seed-demo"));
        foreach (var user in await db.Users.Where(u => u.IsDemoAccount).ToListAsync())
        {
            if (user.PasswordHash is not null && users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Success)
            {
                continue;
            }

            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            Check(await users.UpdateAsync(user), user.UserName!);
        }
    }

    /// <summary>
    /// The demo police system (Staffordshire Police in the Staffordshire hub); its secret is Demo:ApiClientSecret,
    /// or a new one each run, so the one printed is the one that works. Null if the demo hubs are not there.
    /// </summary>
    public async Task<string?> EnsureDemoApiClientAsync(CancellationToken ct = default)
    {
        actor.Set(Actor.System("seed-demo"));
        var secret = string.IsNullOrWhiteSpace(demo.Value.ApiClientSecret) ? ApiClientRegistry.NewSecret() : demo.Value.ApiClientSecret;
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.ClientId == DemoApiClientId, ct);
        if (client is null)
        {
            var police = await db.Agencies.Where(a => a.Name == Police).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
            var hub = await db.Hubs.Where(h => h.Code == StaffordshireCode).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(ct);
            if (police is null || hub is null)
            {
                return null;
            }

            await apiClients.RegisterAsync(DemoApiClientId, "Staffordshire Police public protection notices (demo)", police.Value, hub.Value, secret, ct);
        }
        else if (!apiClients.SecretMatches(client, secret))
        {
            client.SecretHash = apiClients.Hash(client, secret);
            await db.SaveChangesAsync(ct);
        }

        return secret;
    }

    public string DemoPassword() => _password ??= string.IsNullOrWhiteSpace(demo.Value.Password) ? GeneratePassword() : demo.Value.Password;

    private string? _password;

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = RandomNumberGenerator.GetItems<char>(alphabet, 16);
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}-{new string(chars, 12, 4)}";
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed demo user {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    private static List<DemoAccount> BuildAccounts()
    {
        var list = new List<DemoAccount>();
        foreach (var (hub, prefix, place, csc, school, education) in new[]
        {
            (StaffordshireCode, "staffs", "Staffordshire", StaffsCsc, StaffsSchool, StaffsEducation),
            (StokeCode, "stoke", "Stoke-on-Trent", StokeCsc, StokeSchool, StokeEducation),
        })
        {
            list.Add(new($"{prefix}.screener", $"Demo Screener ({place})", Roles.ScreeningSocialWorker, hub, csc));
            list.Add(new($"{prefix}.senior", $"Demo Senior Practitioner ({place})", Roles.ScreeningSocialWorker, hub, csc, Roles.ConsentOverride));
            list.Add(new($"{prefix}.manager", $"Demo Manager ({place})", Roles.MashManager, hub, csc));
            list.Add(new($"{prefix}.police", $"Demo Police Researcher ({place})", Roles.AgencyResearcher, hub, Police));
            list.Add(new($"{prefix}.health", $"Demo Health Researcher ({place})", Roles.AgencyResearcher, hub, CommunityHealth));
            list.Add(new($"{prefix}.hospital", $"Demo Hospital Safeguarding Researcher ({place})", Roles.AgencyResearcher, hub, Hospitals));
            list.Add(new($"{prefix}.probation", $"Demo Probation Researcher ({place})", Roles.AgencyResearcher, hub, Probation));
            list.Add(new($"{prefix}.education", $"Demo Education Safeguarding Researcher ({place})", Roles.AgencyResearcher, hub, education));
            list.Add(new($"{prefix}.referrer", $"Demo School Safeguarding Lead ({place})", Roles.Referrer, hub, school));
            // The school's designated safeguarding lead: answers the checks sent to their school (that school's only, as
            // a researcher of the school as an agency) and refers children, as a school's lead does.
            list.Add(new($"{prefix}.dsl", $"Demo Designated Safeguarding Lead, {school.Replace(" (demo)", string.Empty, StringComparison.Ordinal)} ({place})", Roles.AgencyResearcher, hub, school, Roles.Referrer));
            list.Add(new($"{prefix}.analyst", $"Demo Partnership Analyst ({place})", Roles.PartnershipAnalyst, hub, csc));
            list.Add(new($"{prefix}.ig", $"Demo Information Governance Officer ({place})", Roles.InformationGovernanceOfficer, hub, csc));
            list.Add(new($"{prefix}.admin", $"Demo Administrator ({place})", Roles.Administrator, hub, csc));
            // A second administrator: roles that open children's records are granted only with two (separation of duties).
            list.Add(new($"{prefix}.admin2", $"Demo Second Administrator ({place})", Roles.Administrator, hub, csc));
        }

        list.Add(new("joint.cetg", "Demo Exploitation Task Group Member", Roles.ExploitationTaskGroup, StaffordshireCode, Police));
        return list;
    }

    private const string ThresholdGuidance =
        "Level 1 universal: needs met by universal services. Level 2 early help: additional needs, support with consent. " +
        "Level 3 child in need (s17): complex needs needing a social work assessment. Level 4 child protection (s47): " +
        "reasonable cause to suspect significant harm; consent is not needed to share information. (Demo guidance: replace with the hub's own.)";
}
