using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenMash.Web.Data;
using OpenMash.Web.Demo;
using OpenMash.Web.Features.Timeliness;
using OpenMash.Web.Security;

namespace OpenMash.Web.Commands;

/// <summary>
/// Administrative verbs on the same executable: <c>migrate</c>, <c>seed-demo</c>, <c>doctor</c>, <c>audit verify</c>,
/// <c>hubs add</c>, <c>agencies add</c>, <c>users add</c>. Each exits 0 on success and non-zero with a reason otherwise.
/// They run with the app's own settings (<see cref="OpenMashHost"/>, <see cref="CommandLine"/>); only <c>migrate</c> and
/// <c>seed-demo</c> create or migrate a database, the others refuse one that is missing or not migrated.
/// </summary>
public static class CommandVerbs
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(["migrate", "seed-demo", "doctor", "audit", "users", "hubs", "agencies"], StringComparer.Ordinal);

    public const string Usage = """
        usage: OpenMash.Web <verb> [options] [--Key:Value settings, as for the app]
          migrate                                  create or migrate the database; give any hub without settings the defaults
          seed-demo                                seed the fictional demo hubs, agencies and users
          doctor                                   check the deployment: database, migrations, hub settings, e-mail, key ring
          audit verify                             check the whole audit hash chain
          hubs add --code C --name N               add a hub, with the default settings
          agencies add --name N --type T --hub C [--hub C2] [--lead]
                                                   add an agency (T: ChildrensSocialCare, Police, Health, Education,
                                                   Probation, YouthJustice, Housing, Voluntary, Other)
          users add --user-name U --display-name D --password P --role R [--role R2] --agency A --hub C
                                                   add a user (R: ScreeningSocialWorker, MashManager, AgencyResearcher,
                                                   Referrer, PartnershipAnalyst, InformationGovernanceOfficer, Administrator)
        """;

    public static async Task<int> RunAsync(IServiceProvider root, string[] args, TextWriter output, TextWriter error)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<OpenMashDbContext>();
        services.GetRequiredService<CurrentActor>().Set(Actor.System("cli"));
        var options = Options.Parse(args.Skip(1));
        try
        {
            if (args is [not ("migrate" or "seed-demo" or "doctor"), ..] && Names.Contains(args[0]) && await DatabaseCheck.NotReadyAsync(db) is { } notReady)
            {
                await error.WriteLineAsync(notReady);
                return 1;
            }

            switch (args)
            {
                case ["migrate", ..]:
                    await DatabaseSetup.MigrateAsync(db);
                    await output.WriteLineAsync($"Database migrated: {DatabaseCheck.Describe(db)}.");
                    foreach (var code in await HubSetup.AddMissingSettingsAsync(db))
                    {
                        await output.WriteLineAsync($"Hub {code} had no settings: it now has the defaults.");
                    }

                    if (await DecisionDueBackfill.RunAsync(db, services.GetRequiredService<IBankHolidayCalendar>()) is > 0 and var timed)
                    {
                        await output.WriteLineAsync($"{timed} undecided contacts recorded before the decision clock started at receipt now have a decision time.");
                    }

                    return 0;
                case ["doctor", ..]:
                    return await Doctor.RunAsync(services, output);
                case ["seed-demo", ..]:
                    await DatabaseSetup.MigrateAsync(db);
                    var seeder = services.GetRequiredService<DemoSeeder>();
                    var seeded = await seeder.SeedAsync();
                    await output.WriteLineAsync(seeded ? $"Demo data seeded. Demo password: {seeder.DemoPassword()}" : "The database already has hubs; nothing seeded.");
                    return 0;
                case ["audit", "verify", ..]:
                    var result = await AuditVerifier.VerifyAsync(db);
                    if (result.IsIntact)
                    {
                        await output.WriteLineAsync($"Audit chain intact: {result.RowsChecked} rows checked.");
                        return 0;
                    }

                    await error.WriteLineAsync($"Audit chain broken at sequence {result.FirstBadSequence}: {result.Problem}.");
                    return 1;
                case ["hubs", "add", ..]:
                    return await AddHubAsync(db, options, output, error);
                case ["agencies", "add", ..]:
                    return await AddAgencyAsync(db, options, output);
                case ["users", "add", ..]:
                    return await AddUserAsync(db, services, options, output, error);
                default:
                    await error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (CommandException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }
    }

    /// <summary>
    /// A hub and its settings row, in one transaction, with the defaults of <see cref="HubSettings.ForNewHub"/>; a hub
    /// of that code that has no settings row (added before hubs came with them) is given the defaults.
    /// </summary>
    private static async Task<int> AddHubAsync(OpenMashDbContext db, Options options, TextWriter output, TextWriter error)
    {
        var code = options.Required("code").Trim();
        var name = options.Required("name").Trim();
        if (await db.Hubs.SingleOrDefaultAsync(h => h.Code == code) is { } existing)
        {
            if (!await db.HubSettings.IgnoreQueryFilters().AnyAsync(s => s.HubId == existing.Id))
            {
                db.HubSettings.Add(HubSettings.ForNewHub(existing.Id));
                await db.SaveChangesAsync();
                await output.WriteLineAsync($"Hub {code} already existed without settings: it now has the defaults.");
                return 0;
            }

            await error.WriteLineAsync($"A hub with code '{code}' already exists ({existing.Name}).");
            return 1;
        }

        var hub = new Hub { Id = Guid.NewGuid(), Code = code, Name = name };
        db.Hubs.Add(hub);
        db.HubSettings.Add(HubSettings.ForNewHub(hub.Id));
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"Hub {code} added, with the default settings: working day 09:00 to 17:00 on Monday to Friday; decisions within 4 working hours (red), 1 working day (amber) or 3 (green); an administrator changes them under Administration, Hub settings.");
        return 0;
    }

    private static async Task<int> AddAgencyAsync(OpenMashDbContext db, Options options, TextWriter output)
    {
        var typeText = options.Required("type");
        if (!Enum.TryParse<AgencyType>(typeText, ignoreCase: true, out var type))
        {
            throw new CommandException($"Unknown agency type '{typeText}'.");
        }

        var agency = new Agency { Id = Guid.NewGuid(), Name = options.Required("name"), Type = type, IsLeadSafeguardingPartner = options.Flag("lead") };
        foreach (var code in options.All("hub"))
        {
            var hub = await db.Hubs.SingleOrDefaultAsync(h => h.Code == code) ?? throw new CommandException($"No hub with code '{code}'.");
            agency.Hubs.Add(new AgencyHub { Agency = agency, HubId = hub.Id });
        }

        if (agency.Hubs.Count == 0)
        {
            throw new CommandException("An agency must serve at least one hub: give --hub.");
        }

        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        await output.WriteLineAsync("Agency added.");
        return 0;
    }

    private static async Task<int> AddUserAsync(OpenMashDbContext db, IServiceProvider services, Options options, TextWriter output, TextWriter error)
    {
        var hubCode = options.Required("hub");
        var agencyName = options.Required("agency");
        var hub = await db.Hubs.SingleOrDefaultAsync(h => h.Code == hubCode) ?? throw new CommandException($"No hub with code '{hubCode}'.");
        var agency = await db.Agencies.Include(a => a.Hubs).SingleOrDefaultAsync(a => a.Name == agencyName)
            ?? throw new CommandException($"No agency named '{agencyName}'.");
        if (agency.Hubs.All(h => h.HubId != hub.Id))
        {
            throw new CommandException($"'{agencyName}' does not serve hub '{hubCode}'.");
        }

        var roleNames = options.All("role").ToList();
        var unknown = roleNames.Where(r => !Roles.All.Contains(r)).ToList();
        if (roleNames.Count == 0 || unknown.Count > 0)
        {
            throw new CommandException($"Give one or more --role from: {string.Join(", ", Roles.All)}.");
        }

        if (Roles.CombinationProblem(roleNames) is { } problem)
        {
            throw new CommandException(problem + ".");
        }

        var roleManager = services.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new AppRole { Name = role });
            }
        }

        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = options.Required("user-name"),
            DisplayName = options.Required("display-name"),
            AgencyId = agency.Id,
            HubId = hub.Id,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, options.Required("password"));
        if (!created.Succeeded)
        {
            await error.WriteLineAsync("User not added: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            return 1;
        }

        await users.AddToRolesAsync(user, roleNames);
        await output.WriteLineAsync($"User {user.UserName} added. They set up two-factor sign-in when they first sign in.");
        return 0;
    }

    private sealed class CommandException(string message) : Exception(message);

    private sealed class Options
    {
        private readonly List<(string Name, string? Value)> _items = [];

        public static Options Parse(IEnumerable<string> args)
        {
            var options = new Options();
            string? pending = null;
            foreach (var arg in args)
            {
                if (arg.StartsWith("--", StringComparison.Ordinal))
                {
                    if (pending is not null)
                    {
                        options._items.Add((pending, null));
                    }

                    pending = arg[2..];
                }
                else if (pending is not null)
                {
                    options._items.Add((pending, arg));
                    pending = null;
                }
            }

            if (pending is not null)
            {
                options._items.Add((pending, null));
            }

            return options;
        }

        public string Required(string name) =>
            _items.LastOrDefault(i => i.Name == name).Value is { Length: > 0 } v ? v : throw new CommandException($"--{name} is required.\n{Usage}");

        public IEnumerable<string> All(string name) => _items.Where(i => i.Name == name && i.Value is not null).Select(i => i.Value!);

        public bool Flag(string name) => _items.Any(i => i.Name == name);
    }
}
