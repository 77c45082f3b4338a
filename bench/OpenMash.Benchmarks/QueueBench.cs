using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using OpenMash.Matching;
using OpenMash.Matching.Synthetic;

namespace OpenMash.Benchmarks;

/// <summary>
/// queue-bench: the duplicate queue page over HTTP with N generated fictional persons in one hub. Starts the
/// Release build of the web application on a fresh SQLite database (demo data), stops it, inserts N persons (one in
/// 50 followed by a corrupted copy of itself, a near-duplicate) into the Staffordshire hub by batched ADO.NET inserts,
/// starts it again, waits for the queue's first build to finish, signs in as a screener and times /Duplicates
/// (first page and random pages) against the home page in the same run.
/// </summary>
public static partial class QueueBench
{
    private const string Password = "queue-bench-demo-password";

    public static int Run(string[] args)
    {
        var persons = Option(args, "--persons", 100_000);
        var requests = Option(args, "--requests", 300);
        var port = Option(args, "--port", 5391);
        var root = RepositoryRoot();
        var app = Path.Combine(root, "src/OpenMash.Web/bin/Release/net10.0/OpenMash.Web.dll");
        if (!File.Exists(app))
        {
            Console.Error.WriteLine($"build the application first: dotnet build -c Release src/OpenMash.Web ({app} is missing)");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), "openmash-queue-bench");
        Directory.CreateDirectory(folder);
        var db = Path.Combine(folder, $"queue-{persons}.db");
        foreach (var file in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(file);
        }

        var baseUrl = $"http://127.0.0.1:{port}";
        var log = Path.Combine(folder, $"app-{persons}.log");
        var total = Stopwatch.StartNew();
        using (var first = Start(root, app, db, baseUrl, log))
        {
            WaitReady(baseUrl, first);
            Stop(first);
        }

        var seed = Stopwatch.StartNew();
        var (hubId, inserted) = Seed(db, persons);
        Console.WriteLine($"seeded {inserted:N0} persons ({persons:N0} generated, {inserted - persons:N0} near-duplicates) in {seed.Elapsed.TotalSeconds:F1} s");

        using var second = Start(root, app, db, baseUrl, log);
        try
        {
            var build = Stopwatch.StartNew();
            WaitReady(baseUrl, second);
            Console.WriteLine($"application ready in {build.Elapsed.TotalSeconds:F1} s");
            var (pairs, compared) = WaitForBuild(db, hubId, second);
            Console.WriteLine($"queue built: {compared:N0} persons compared, {pairs:N0} pairs, {build.Elapsed.TotalSeconds:F1} s after start");

            using var client = SignIn(baseUrl);
            var pages = Math.Max(1, (int)Math.Ceiling(pairs / 50.0));
            var random = new Random(7);
            Time(client, "/Duplicates", 20);
            Time(client, "/", 20);
            var firstPage = Time(client, "/Duplicates", requests);
            var randomPage = TimeMany(client, () => $"/Duplicates?page={random.Next(1, pages + 1)}", requests);
            var home = Time(client, "/", requests);

            Console.WriteLine($"persons={inserted:N0} pairs={pairs:N0} pages={pages:N0} requests={requests} each, one at a time");
            Report("/Duplicates (first page)", firstPage, home);
            Report("/Duplicates?page=random", randomPage, home);
            Report("/ (home page, baseline)", home, home);
            Console.WriteLine($"total {total.Elapsed.TotalSeconds:F0} s; application log {log}");
            Console.WriteLine($"duplicates_p99_ms={Percentile(randomPage.Concat(firstPage).ToList(), 0.99).ToString("F1", CultureInfo.InvariantCulture)}");
            return 0;
        }
        finally
        {
            Stop(second);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenMash.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository");
    }

    private static Process Start(string root, string app, string db, string baseUrl, string log)
    {
        var info = new ProcessStartInfo("dotnet", [app, "--demo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The content root: the application serves the GOV.UK front end from the project's wwwroot.
            WorkingDirectory = Path.Combine(root, "src/OpenMash.Web"),
        };
        info.Environment["ASPNETCORE_URLS"] = baseUrl;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__OpenMash"] = $"Data Source={db}";
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["Demo__Password"] = Password;
        info.Environment["Security__HttpsOnly"] = "false";
        info.Environment["Smtp__SendEverySeconds"] = "0";
        var process = Process.Start(info)!;
        var writer = new StreamWriter(log, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (writer) writer.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    private static void WaitReady(string baseUrl, Process process)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the application exited ({process.ExitCode})");
            }

            try
            {
                if ((int)http.GetAsync(new Uri("/Account/SignIn", UriKind.Relative)).Result.StatusCode < 500)
                {
                    return;
                }
            }
            catch (AggregateException)
            {
            }

            Thread.Sleep(250);
        }

        throw new TimeoutException("the application did not start");
    }

    private static (Guid Hub, int Inserted) Seed(string db, int count)
    {
        using var connection = new SqliteConnection($"Data Source={db}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            pragma.ExecuteNonQuery();
        }

        Guid hub;
        using (var find = connection.CreateCommand())
        {
            find.CommandText = "SELECT \"Id\" FROM \"Hubs\" WHERE \"Code\" = 'STAFFS'";
            hub = Guid.Parse((string)find.ExecuteScalar()!);
        }

        using var transaction = connection.BeginTransaction();
        using var person = connection.CreateCommand();
        person.Transaction = transaction;
        person.CommandText = """
            INSERT INTO "Persons" ("Id", "HubId", "GivenNames", "FamilyName", "DateOfBirth", "DateOfBirthIsEstimated", "Sex", "NhsNumber", "CreatedAtUtc")
            VALUES ($id, $hub, $given, $family, $dob, 0, $sex, $nhs, $created)
            """;
        var pId = person.Parameters.Add("$id", SqliteType.Text);
        person.Parameters.AddWithValue("$hub", hub.ToString().ToUpperInvariant());
        var pGiven = person.Parameters.Add("$given", SqliteType.Text);
        var pFamily = person.Parameters.Add("$family", SqliteType.Text);
        var pDob = person.Parameters.Add("$dob", SqliteType.Text);
        var pSex = person.Parameters.Add("$sex", SqliteType.Text);
        var pNhs = person.Parameters.Add("$nhs", SqliteType.Text);
        person.Parameters.AddWithValue("$created", "2026-12-01 09:00:00");
        using var address = connection.CreateCommand();
        address.Transaction = transaction;
        address.CommandText = """
            INSERT INTO "PersonAddresses" ("Id", "HubId", "PersonId", "Line1", "Town", "Postcode")
            VALUES ($id, $hub, $person, $line, $town, $postcode)
            """;
        var aId = address.Parameters.Add("$id", SqliteType.Text);
        address.Parameters.AddWithValue("$hub", hub.ToString().ToUpperInvariant());
        var aPerson = address.Parameters.Add("$person", SqliteType.Text);
        var aLine = address.Parameters.Add("$line", SqliteType.Text);
        var aTown = address.Parameters.Add("$town", SqliteType.Text);
        var aPostcode = address.Parameters.Add("$postcode", SqliteType.Text);
        person.Prepare();
        address.Prepare();

        var generator = new SyntheticChildren(seed: 20261202);
        var inserted = 0;
        void Insert(MatchRecord r)
        {
            var id = Guid.NewGuid().ToString().ToUpperInvariant();
            pId.Value = id;
            pGiven.Value = r.GivenNames ?? "Unknown";
            pFamily.Value = r.FamilyName ?? "Unknown";
            pDob.Value = r.DateOfBirth is { Year: > 0 and < 10000, Month: >= 1 and <= 12, Day: > 0 } d && d.Day <= DateTime.DaysInMonth(d.Year, d.Month)
                ? $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}" : DBNull.Value;
            pSex.Value = r.Sex switch { Sex.Male => "M", Sex.Female => "F", _ => "U" };
            pNhs.Value = (object?)r.NhsNumber ?? DBNull.Value;
            person.ExecuteNonQuery();
            if (!string.IsNullOrWhiteSpace(r.Postcode))
            {
                aId.Value = Guid.NewGuid().ToString().ToUpperInvariant();
                aPerson.Value = id;
                aLine.Value = r.AddressLine ?? "1 Bench Row";
                aTown.Value = (object?)r.Town ?? DBNull.Value;
                aPostcode.Value = r.Postcode;
                address.ExecuteNonQuery();
            }

            inserted++;
        }

        for (long i = 0; i < count; i++)
        {
            var record = generator.Person(i).Record;
            Insert(record);
            if (i % 50 == 0)
            {
                Insert(generator.Corrupt(record, $"{record.Id}-dup", i));
            }
        }

        transaction.Commit();
        return (hub, inserted);
    }

    private static (long Pairs, long Compared) WaitForBuild(string db, Guid hub, Process app)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly");
        connection.Open();
        var watch = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException("the application exited while building the queue");
            }

            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT "Finished", "PersonsCompared", (SELECT count(*) FROM "DuplicateCandidates" WHERE "HubId" = $hub)
                FROM "DuplicateQueueBuilds" WHERE "HubId" = $hub
                """;
            command.Parameters.AddWithValue("$hub", hub.ToString().ToUpperInvariant());
            using (var reader = command.ExecuteReader())
            {
                if (reader.Read())
                {
                    var (finished, compared, pairs) = (reader.GetBoolean(0), reader.GetInt64(1), reader.GetInt64(2));
                    if (finished)
                    {
                        return (pairs, compared);
                    }

                    if (watch.Elapsed - lastReport > TimeSpan.FromSeconds(30))
                    {
                        lastReport = watch.Elapsed;
                        Console.WriteLine($"  building: {compared:N0} compared, {pairs:N0} pairs, {watch.Elapsed.TotalSeconds:F0} s");
                    }
                }
            }

            Thread.Sleep(1000);
        }
    }

    private static HttpClient SignIn(string baseUrl)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };
        var form = client.GetStringAsync(new Uri("/Account/SignIn", UriKind.Relative)).Result;
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent([new("UserName", "staffs.screener"), new("Password", Password), new("__RequestVerificationToken", token)]);
        var response = client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), content).Result;
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in answered {response.StatusCode}");
        }

        return client;
    }

    private static List<double> Time(HttpClient client, string path, int count) => TimeMany(client, () => path, count);

    private static List<double> TimeMany(HttpClient client, Func<string> path, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var url = new Uri(path(), UriKind.Relative);
            var watch = Stopwatch.StartNew();
            using var response = client.GetAsync(url).Result;
            var body = response.Content.ReadAsStringAsync().Result;
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
            {
                throw new InvalidOperationException($"{url} answered {response.StatusCode}");
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static void Report(string name, List<double> times, List<double> baseline)
    {
        var p50 = Percentile(times, 0.5);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-28} p50 {p50,7:F1} ms  p95 {Percentile(times, 0.95),7:F1} ms  p99 {Percentile(times, 0.99),7:F1} ms  max {times.Max(),7:F1} ms  p50 / home p50 {p50 / Percentile(baseline, 0.5):F2}"));
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|value=\"([^\"]+)\" name=\"__RequestVerificationToken\"")]
    private static partial Regex TokenPattern();
}
