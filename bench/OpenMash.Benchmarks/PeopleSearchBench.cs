using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OpenMash.Matching;
using OpenMash.Matching.Synthetic;
using OpenMash.Web.Domain.People;
using OpenMash.Web.Features.Duplicates;

namespace OpenMash.Benchmarks;

/// <summary>
/// people-search-bench: the real application on Kestrel (127.0.0.1) over a fresh SQLite database holding the demo
/// data and N generated, fictional children (the matcher's synthetic generator) in the Staffordshire demo hub. Signs
/// in as the demo screener, warms up, then posts "Find a person" searches for children known to be in the data, each
/// changed as a screener might type them (a typo in the family name, a nickname with month and year of birth, the
/// name with the year of birth only, the name with the postcode), one at a time, and times each request from send to
/// the last byte of the page. In the same run, interleaved with the searches, it times two baselines: the page
/// itself (GET /People) and a search post the page refuses (an impossible date: the whole post pipeline, antiforgery,
/// sign-in and validation, without the search).
/// </summary>
internal static partial class PeopleSearchBench
{
    private const string Password = "people-search-bench-demo";

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var persons = 100_000;
        var requests = 2_000;
        var warmup = 200;
        var seed = 1;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--persons": persons = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--requests": requests = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--keep-db": keep = true; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        var inv = CultureInfo.InvariantCulture;

        // WebApplicationFactory finds the application's content root (its wwwroot) from this variable outside a test project.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "OpenMash.Web")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_OPENMASH_WEB", Path.Combine(root?.FullName ?? ".", "src", "OpenMash.Web"));
        var database = Path.Combine(Path.GetTempPath(), $"openmash-people-search-bench-{Guid.NewGuid():N}.db");
        Console.WriteLine(string.Create(inv, $"load average at start: {LoadAverage()}"));
        try
        {
            // 1. Schema and demo data, as the application makes them when it first starts.
            var watch = Stopwatch.StartNew();
            await using (var first = new App(database))
            {
                _ = first.Services;
            }

            SqliteConnection.ClearAllPools();
            Console.WriteLine(string.Create(inv, $"migrated and seeded the demo data in {watch.Elapsed.TotalSeconds:F1} s"));

            // 2. N generated children in the Staffordshire hub, in one transaction of batched inserts.
            watch.Restart();
            var gen = new SyntheticChildren(seed);
            var hubId = await SeedAsync(database, gen, persons);
            Console.WriteLine(string.Create(inv, $"inserted {persons:N0} persons (and their addresses) in {watch.Elapsed.TotalSeconds:F1} s"));

            // 3. The application again, on a real port; its start-up build of the hub's index is waited for.
            watch.Restart();
            await using var app = new App(database);
            app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            app.StartServer();
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var index = app.Services.GetRequiredService<PersonIndex>();
            while (!index.IsBuilt(hubId))
            {
                await Task.Delay(200);
            }

            Console.WriteLine(string.Create(inv, $"application started on {baseUrl} and built the hub's index in {watch.Elapsed.TotalSeconds:F1} s"));

            using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(baseUrl),
                Timeout = TimeSpan.FromMinutes(5),
            };
            var signIn = await PostAsync(http, "/Account/SignIn", await TokenAsync(http, "/Account/SignIn"), [new("UserName", "staffs.screener"), new("Password", Password)]);
            if (signIn.StatusCode != HttpStatusCode.Redirect || signIn.Headers.Location?.OriginalString != "/")
            {
                Console.Error.WriteLine($"sign-in failed: {(int)signIn.StatusCode} {signIn.Headers.Location}");
                return 1;
            }

            var token = await TokenAsync(http, "/People");
            var rng = new Random(seed);
            var searches = new List<Search>();
            while (searches.Count < warmup + requests)
            {
                if (Make(gen, rng.Next(persons), searches.Count % 4, rng) is { } s)
                {
                    searches.Add(s);
                }
            }

            List<KeyValuePair<string, string>> refused = [new("Name", "Ada Lovelace"), new("DateOfBirth.Day", "31"), new("DateOfBirth.Month", "2"), new("DateOfBirth.Year", "2015")];
            foreach (var s in searches.Take(warmup))
            {
                await TimeAsync(() => PostAsync(http, "/People", token, s.Fields));
                await TimeAsync(() => http.GetAsync(new Uri("/People", UriKind.Relative)));
                await TimeAsync(() => PostAsync(http, "/People", token, refused));
            }

            var load = LoadAverage();
            var timed = new List<double>();
            var page = new List<double>();
            var refusedTimes = new List<double>();
            var found = new int[4];
            var asked = new int[4];
            var failures = 0;
            var misses = new List<string>();
            watch.Restart();
            foreach (var s in searches.Skip(warmup))
            {
                var (ms, body, status) = await TimeAsync(() => PostAsync(http, "/People", token, s.Fields));
                timed.Add(ms);
                failures += status == HttpStatusCode.OK ? 0 : 1;
                asked[s.Kind]++;
                var hit = body.Contains($"/People/{s.PersonId}", StringComparison.OrdinalIgnoreCase);
                found[s.Kind] += hit ? 1 : 0;
                if (!hit && misses.Count < 12)
                {
                    misses.Add(string.Join(", ", s.Fields.Select(f => $"{f.Key}={f.Value}")));
                }

                page.Add((await TimeAsync(() => http.GetAsync(new Uri("/People", UriKind.Relative)))).Ms);
                refusedTimes.Add((await TimeAsync(() => PostAsync(http, "/People", token, refused))).Ms);
            }

            var elapsed = watch.Elapsed;
            timed.Sort();
            page.Sort();
            refusedTimes.Sort();
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024 * 1024);
            Console.WriteLine(string.Create(inv, $"{requests} searches (after {warmup} warm-up rounds), one at a time, interleaved with the baselines, in {elapsed.TotalSeconds:F1} s; non-200 answers: {failures}"));
            Console.WriteLine(string.Create(inv, $"search POST /People:        p50 {P(timed, 0.5):F2} ms, p95 {P(timed, 0.95):F2} ms, p99 {P(timed, 0.99):F2} ms, max {timed[^1]:F2} ms"));
            Console.WriteLine(string.Create(inv, $"baseline GET /People:       p50 {P(page, 0.5):F2} ms, p95 {P(page, 0.95):F2} ms, p99 {P(page, 0.99):F2} ms, max {page[^1]:F2} ms"));
            Console.WriteLine(string.Create(inv, $"baseline refused POST:      p50 {P(refusedTimes, 0.5):F2} ms, p95 {P(refusedTimes, 0.95):F2} ms, p99 {P(refusedTimes, 0.99):F2} ms, max {refusedTimes[^1]:F2} ms"));
            Console.WriteLine(string.Create(inv, $"search / GET page:          p50 {P(timed, 0.5) / P(page, 0.5):F2}x, p95 {P(timed, 0.95) / P(page, 0.95):F2}x, p99 {P(timed, 0.99) / P(page, 0.99):F2}x"));
            Console.WriteLine(string.Create(inv, $"search / refused POST:      p50 {P(timed, 0.5) / P(refusedTimes, 0.5):F2}x, p95 {P(timed, 0.95) / P(refusedTimes, 0.95):F2}x, p99 {P(timed, 0.99) / P(refusedTimes, 0.99):F2}x"));
            string[] kinds = ["typo in family name + full date of birth", "nickname + month and year of birth", "name + year of birth only", "name + postcode"];
            for (var k = 0; k < 4; k++)
            {
                Console.WriteLine(string.Create(inv, $"found the child ({kinds[k]}): {found[k]} of {asked[k]} ({(double)found[k] / Math.Max(1, asked[k]):P1})"));
            }

            foreach (var miss in misses)
            {
                Console.WriteLine($"  not found: {miss}");
            }

            Console.WriteLine(string.Create(inv, $"load average: {load} before the timed requests, {LoadAverage()} after; peak working set {peak:F2} GiB"));
            Console.WriteLine(string.Create(inv, $"P99MS={P(timed, 0.99):F3} BASELINEP99MS={P(refusedTimes, 0.99):F3} PERSONS={persons}"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!keep)
            {
                foreach (var file in new[] { database, database + "-wal", database + "-shm" })
                {
                    File.Delete(file);
                }
            }
            else
            {
                Console.WriteLine($"database kept: {database}");
            }
        }
    }

    private sealed record Search(Guid PersonId, int Kind, List<KeyValuePair<string, string>> Fields);

    /// <summary>The deterministic id of generated person <paramref name="n"/>, so that a search knows whom it looks for.</summary>
    private static Guid PersonGuid(long n)
    {
        Span<byte> b = stackalloc byte[16];
        BitConverter.TryWriteBytes(b, n);
        b[8] = 0x80;
        b[15] = 0xBE;
        return new Guid(b);
    }

    /// <summary>A search for generated person <paramref name="n"/> as a screener might type it; null when that kind does not fit the child (no nickname).</summary>
    private static Search? Make(SyntheticChildren gen, long n, int kind, Random rng)
    {
        var r = gen.Person(n).Record;
        var first = r.GivenNames!.Split(' ')[0];
        var family = r.FamilyName!;
        var dob = r.DateOfBirth;
        var fields = new List<KeyValuePair<string, string>>();
        switch (kind)
        {
            case 0:
                fields.Add(new("Name", $"{first} {Typo(family, rng)}"));
                fields.Add(new("DateOfBirth.Day", dob.Day.ToString(CultureInfo.InvariantCulture)));
                fields.Add(new("DateOfBirth.Month", dob.Month.ToString(CultureInfo.InvariantCulture)));
                fields.Add(new("DateOfBirth.Year", dob.Year.ToString(CultureInfo.InvariantCulture)));
                break;
            case 1:
                var nick = GivenNameVariants.VariantsOf(first.ToLowerInvariant()).Where(v => v.Length > 1).ToList();
                if (nick.Count == 0)
                {
                    return null;
                }

                fields.Add(new("Name", $"{CultureInfo.InvariantCulture.TextInfo.ToTitleCase(nick[rng.Next(nick.Count)])} {family}"));
                fields.Add(new("DateOfBirth.Month", dob.Month.ToString(CultureInfo.InvariantCulture)));
                fields.Add(new("DateOfBirth.Year", dob.Year.ToString(CultureInfo.InvariantCulture)));
                break;
            case 2:
                fields.Add(new("Name", $"{first} {family}"));
                fields.Add(new("DateOfBirth.Year", dob.Year.ToString(CultureInfo.InvariantCulture)));
                break;
            default:
                fields.Add(new("Name", $"{first} {family}"));
                fields.Add(new("Postcode", r.Postcode!));
                break;
        }

        return new Search(PersonGuid(n), kind, fields);
    }

    /// <summary>One letter of the name changed, dropped or swapped with the next (never the first letter).</summary>
    private static string Typo(string name, Random rng)
    {
        if (name.Length < 4)
        {
            return name + "e";
        }

        var i = 1 + rng.Next(name.Length - 2);
        return rng.Next(3) switch
        {
            0 => string.Concat(name.AsSpan(0, i), name.AsSpan(i + 1)),
            1 => string.Concat(name.AsSpan(0, i), name[i + 1].ToString(), name[i].ToString(), name.AsSpan(i + 2)),
            _ => string.Concat(name.AsSpan(0, i), name[i] == 'e' ? "a" : "e", name.AsSpan(i + 1)),
        };
    }

    private static async Task<Guid> SeedAsync(string database, SyntheticChildren gen, int persons)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var hub = connection.CreateCommand();
        hub.CommandText = "SELECT Id FROM Hubs WHERE Code = 'STAFFS'";
        var hubText = (string)(await hub.ExecuteScalarAsync())!;
        var hubId = Guid.Parse(hubText);

        // The application's own rows give the text forms EF Core uses for Guid and DateTime in SQLite.
        await using var sample = connection.CreateCommand();
        sample.CommandText = "SELECT Id, CreatedAtUtc FROM Persons LIMIT 1";
        var upper = true;
        var created = "2026-12-01 09:00:00";
        await using (var reader = await sample.ExecuteReaderAsync())
        {
            if (await reader.ReadAsync())
            {
                var id = reader.GetString(0);
                upper = string.Equals(id, id.ToUpperInvariant(), StringComparison.Ordinal);
                created = reader.GetString(1);
            }
        }

        string G(Guid g) => upper ? g.ToString().ToUpperInvariant() : g.ToString();
        await using var tx = connection.BeginTransaction();
        await using var person = connection.CreateCommand();
        person.Transaction = tx;
        person.CommandText = """
            INSERT INTO Persons (Id, HubId, GivenNames, FamilyName, DateOfBirth, DateOfBirthIsEstimated, Sex, NhsNumber, CreatedAtUtc)
            VALUES ($id, $hub, $given, $family, $dob, 0, $sex, $nhs, $created)
            """;
        var pId = person.Parameters.Add("$id", SqliteType.Text);
        person.Parameters.AddWithValue("$hub", G(hubId));
        var pGiven = person.Parameters.Add("$given", SqliteType.Text);
        var pFamily = person.Parameters.Add("$family", SqliteType.Text);
        var pDob = person.Parameters.Add("$dob", SqliteType.Text);
        var pSex = person.Parameters.Add("$sex", SqliteType.Text);
        var pNhs = person.Parameters.Add("$nhs", SqliteType.Text);
        person.Parameters.AddWithValue("$created", created);
        await using var address = connection.CreateCommand();
        address.Transaction = tx;
        address.CommandText = """
            INSERT INTO PersonAddresses (Id, HubId, PersonId, Line1, Town, Postcode, "From")
            VALUES ($id, $hub, $person, $line, $town, $postcode, $from)
            """;
        var aId = address.Parameters.Add("$id", SqliteType.Text);
        address.Parameters.AddWithValue("$hub", G(hubId));
        var aPerson = address.Parameters.Add("$person", SqliteType.Text);
        var aLine = address.Parameters.Add("$line", SqliteType.Text);
        var aTown = address.Parameters.Add("$town", SqliteType.Text);
        var aPostcode = address.Parameters.Add("$postcode", SqliteType.Text);
        var aFrom = address.Parameters.Add("$from", SqliteType.Text);
        person.Prepare();
        address.Prepare();
        for (long n = 0; n < persons; n++)
        {
            var r = gen.Person(n).Record;
            var id = PersonGuid(n);
            var dob = new DateOnly(r.DateOfBirth.Year, r.DateOfBirth.Month, r.DateOfBirth.Day);
            pId.Value = G(id);
            pGiven.Value = r.GivenNames;
            pFamily.Value = r.FamilyName;
            pDob.Value = dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            pSex.Value = r.Sex switch { OpenMash.Matching.Sex.Male => "M", OpenMash.Matching.Sex.Female => "F", _ => "U" };
            pNhs.Value = r.NhsNumber;
            await person.ExecuteNonQueryAsync();
            aId.Value = G(Guid.CreateVersion7());
            aPerson.Value = G(id);
            aLine.Value = r.AddressLine;
            aTown.Value = r.Town;
            aPostcode.Value = PersonAddress.NormalisePostcode(r.Postcode!);
            aFrom.Value = dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await address.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        return hubId;
    }

    private static async Task<string> TokenAsync(HttpClient http, string path)
    {
        var html = await http.GetStringAsync(new Uri(path, UriKind.Relative));
        return TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException($"{path} has no antiforgery token");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string token, IEnumerable<KeyValuePair<string, string>> fields) =>
        http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));

    private static async Task<(double Ms, string Body, HttpStatusCode Status)> TimeAsync(Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        using var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        return (watch.Elapsed.TotalMilliseconds, body, response.StatusCode);
    }

    private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>The application as it runs, over the benchmark's SQLite file: demo data, production password hashing, warnings only in the log.</summary>
    private sealed class App(string database) : WebApplicationFactory<global::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:OpenMash", $"Data Source={database}");
            builder.UseSetting("Security:HttpsOnly", "false");
            builder.UseSetting("Demo:Enabled", "true");
            builder.UseSetting("Demo:Password", Password);
            builder.UseSetting("Smtp:SendEverySeconds", "0");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
