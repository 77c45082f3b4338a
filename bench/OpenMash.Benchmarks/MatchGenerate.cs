using System.Globalization;
using OpenMash.Matching.Synthetic;

namespace OpenMash.Benchmarks;

/// <summary>match-generate: writes fictional children's records (with duplicates as other agencies would send them)
/// and, beside them, the ground truth (record id to person id).</summary>
internal static class MatchGenerate
{
    public static int Run(string[] args)
    {
        long persons = 10_000;
        string? output = null;
        string? linkOutput = null;
        var seed = 1;
        var duplicateShare = 0.4;
        var format = "openmash";
        var dup = new DuplicateFileOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--format": format = args[++i]; break;
                case "--records": dup = dup with { Records = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--dup-share": dup = dup with { DuplicateShare = double.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--max-dups": dup = dup with { MaxDuplicatesPerOriginal = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--dist": dup = dup with { Distribution = Enum.Parse<DuplicateCounts>(args[++i], ignoreCase: true) }; break;
                case "--corrupt": dup = dup with { MaxCorruptedFields = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--address-change": dup = dup with { AddressChangeShare = double.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--no-id": dup = dup with { Identifier = false }; break;
                case "--persons": persons = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": output = args[++i]; break;
                case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--duplicates": duplicateShare = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--link-out": linkOutput = args[++i]; break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        if (output is null)
        {
            Console.Error.WriteLine("usage: match-generate --persons N --out records.csv [--seed S] [--duplicates 0.4]");
            return 2;
        }

        dup = dup with { Seed = seed };
        switch (format)
        {
            case "febrl" when linkOutput is null:
                WriteFebrl(output, SyntheticDuplicates.Deduplication(dup));
                return 0;
            case "febrl":
                var (fa, fb) = SyntheticDuplicates.Linkage(dup);
                WriteFebrl(output, fa);
                WriteFebrl(linkOutput, fb);
                return 0;
            case "historical":
                WriteHistorical(output, SyntheticHistorical.Generate(new HistoricalOptions { Persons = (int)persons, Seed = seed }));
                return 0;
            case "openmash":
                break;
            default:
                Console.Error.WriteLine($"unknown format {format} (openmash, febrl, historical)");
                return 2;
        }

        var generator = new SyntheticChildren(seed);
        if (linkOutput is not null)
        {
            return WriteLinkPair(generator, persons, output, linkOutput, seed);
        }

        var truthPath = Path.ChangeExtension(output, ".truth.csv");
        using var records = new StreamWriter(output);
        using var truth = new StreamWriter(truthPath);
        records.WriteLine(Header);
        truth.WriteLine("record_id,person_id");
        long written = 0;
        var rng = new Random(seed);
        for (long p = 0; p < persons; p++)
        {
            var person = generator.Person(p);
            var copies = rng.NextDouble() < duplicateShare ? 1 + rng.Next(3) : 0;
            for (var c = 0; c <= copies; c++)
            {
                var id = $"R{written++}";
                var r = c == 0 ? person.Record with { Id = id } : generator.Corrupt(person.Record, id, (p * 8) + c);
                records.WriteLine(Line(r));
                truth.WriteLine($"{id},P{p}");
            }
        }

        Console.WriteLine($"persons {persons}, records {written}: {output} (truth: {truthPath})");
        return 0;
    }

    /// <summary>Two files to link: the first holds every person once as the hub would; the second, as another
    /// agency's extract, holds a re-recorded copy of about half of them and as many persons the hub does not know.</summary>
    private static int WriteLinkPair(SyntheticChildren generator, long persons, string first, string second, int seed)
    {
        var rng = new Random(seed);
        using var a = new StreamWriter(first);
        using var at = new StreamWriter(Path.ChangeExtension(first, ".truth.csv"));
        using var b = new StreamWriter(second);
        using var bt = new StreamWriter(Path.ChangeExtension(second, ".truth.csv"));
        foreach (var w in new[] { a, b })
        {
            w.WriteLine(Header);
        }

        at.WriteLine("record_id,person_id");
        bt.WriteLine("record_id,person_id");
        long nb = 0;
        for (long p = 0; p < persons; p++)
        {
            var person = generator.Person(p).Record;
            a.WriteLine(Line(person with { Id = $"A{p}" }));
            at.WriteLine($"A{p},P{p}");
            if (rng.NextDouble() < 0.5)
            {
                b.WriteLine(Line(generator.Corrupt(person, $"B{nb}", p * 8)));
                bt.WriteLine($"B{nb++},P{p}");
            }

            if (rng.NextDouble() < 0.5)
            {
                var stranger = generator.Person(persons + p).Record;
                b.WriteLine(Line(generator.Corrupt(stranger, $"B{nb}", (persons + p) * 8)));
                bt.WriteLine($"B{nb++},P{persons + p}");
            }
        }

        Console.WriteLine($"persons {persons}: {first} ({persons} records), {second} ({nb} records), truth beside each");
        return 0;
    }

    /// <summary>FEBRL's columns, as its generator writes them (a space after each comma); the truth is in rec_id.</summary>
    internal static void WriteFebrl(string path, IReadOnlyList<FebrlStyleRecord> records)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id");
        foreach (var r in records)
        {
            w.WriteLine(string.Join(", ", r.Id, r.GivenName, r.Surname, r.StreetNumber, r.Address1, r.Address2, r.Suburb, r.Postcode, r.State, r.DateOfBirth, r.Identifier));
        }

        Console.WriteLine($"records {records.Count} (truth in rec_id): {path}");
    }

    /// <summary>Splink's "historical persons" columns; the truth is the cluster column.</summary>
    internal static void WriteHistorical(string path, IReadOnlyList<HistoricalRecord> records)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("unique_id,cluster,full_name,first_and_surname,first_name,surname,dob,birth_place,postcode_fake,gender,occupation");
        foreach (var r in records)
        {
            w.WriteLine(string.Join(',', Csv.Quote(r.Id), Csv.Quote(r.Cluster), Csv.Quote(r.FullName), Csv.Quote(r.FirstAndSurname),
                Csv.Quote(r.FirstName), Csv.Quote(r.Surname), Csv.Quote(r.Dob), Csv.Quote(r.BirthPlace), Csv.Quote(r.Postcode),
                Csv.Quote(r.Gender), Csv.Quote(r.Occupation)));
        }

        Console.WriteLine($"records {records.Count} (truth in cluster): {path}");
    }

    private const string Header = "record_id,given_names,family_name,other_names,date_of_birth,sex,nhs_number,postcode,address_line,town";

    private static string Line(Matching.MatchRecord r) =>
        string.Join(',', Csv.Quote(r.Id), Csv.Quote(r.GivenNames), Csv.Quote(r.FamilyName),
            Csv.Quote(string.Join(';', r.OtherNames)), r.DateOfBirth.IsEmpty ? string.Empty : r.DateOfBirth.ToString(),
            r.Sex switch { Matching.Sex.Male => "M", Matching.Sex.Female => "F", _ => "U" },
            Csv.Quote(r.NhsNumber), Csv.Quote(r.Postcode), Csv.Quote(r.AddressLine), Csv.Quote(r.Town));
}
