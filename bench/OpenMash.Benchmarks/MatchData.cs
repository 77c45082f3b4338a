using System.Text;
using OpenMash.Matching;

namespace OpenMash.Benchmarks;

/// <summary>A labelled record-linkage file: records plus, for each, the true entity label (used only to score).</summary>
internal sealed record LabelledRecords(List<MatchRecord> Records, List<string> Truth);

/// <summary>Reads the benchmark formats by header name, tolerating missing columns, empty values and quoted CSV.</summary>
internal static class MatchData
{
    public static LabelledRecords Read(string format, IReadOnlyList<string> files, bool withoutId)
    {
        var records = new List<MatchRecord>();
        var truth = new List<string>();
        for (var source = 0; source < files.Count; source++)
        {
            var truthById = format == "openmash" ? ReadTruthFile(files[source]) : null;
            using var reader = new StreamReader(files[source], Encoding.UTF8);
            var header = Csv.ReadRow(reader) ?? throw new InvalidDataException($"{files[source]} is empty");
            var col = header.Select((h, i) => (h.Trim().ToLowerInvariant(), i))
                .GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
            var row = 0;
            while (Csv.ReadRow(reader) is { } f)
            {
                row++;
                string? Get(params string[] names)
                {
                    foreach (var n in names)
                    {
                        if (col.TryGetValue(n, out var i) && i < f.Count && !string.IsNullOrWhiteSpace(f[i]))
                        {
                            return f[i].Trim();
                        }
                    }

                    return null;
                }

                var id = Get("rec_id", "unique_id", "record_id", "recid", "id") ?? $"row{row}";
                var given = Join(Get("given_name", "first_name", "fname_c1", "givenname", "given_names", "forename"), Get("fname_c2", "middle_name"));
                var otherNames = new List<string>();
                if (Get("lname_c2") is { } l2)
                {
                    otherNames.Add(l2);
                }

                if (Get("other_names") is { } on)
                {
                    otherNames.AddRange(on.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }

                var dob = PartialDate.Parse(Get("date_of_birth", "dob", "birth_date"));
                if (dob.IsEmpty && Get("by") is { } by)
                {
                    _ = int.TryParse(by, out var y);
                    _ = int.TryParse(Get("bm"), out var m);
                    _ = int.TryParse(Get("bd"), out var d);
                    dob = new PartialDate(y, m, d);
                }

                var sex = Get("sex", "gender") is { } s && s.Length > 0
                    ? char.ToUpperInvariant(s[0]) switch { 'M' => Sex.Male, 'F' => Sex.Female, _ => Sex.Unknown }
                    : Sex.Unknown;
                var record = new MatchRecord($"{source}:{id}")
                {
                    GivenNames = given,
                    FamilyName = Get("surname", "family_name", "lname_c1", "last_name"),
                    OtherNames = otherNames,
                    DateOfBirth = dob,
                    Sex = sex,
                    NhsNumber = withoutId ? null : Get("soc_sec_id", "nhs_number", "ssn"),
                    Postcode = Get("postcode", "zip", "zipcode", "postal_code", "postcode_fake"),
                    FullName = Get("full_name", "fullname"),
                    BirthPlace = Get("birth_place", "birthplace", "place_of_birth"),
                    Occupation = Get("occupation"),
                    AddressLine = Join(Get("street_number"), Get("address_1", "address_line", "address"), Get("address_2")),
                    Town = Get("suburb", "city", "town"),
                    Email = Get("email", "email_address"),
                    Source = source,
                };
                records.Add(record);
                truth.Add(format switch
                {
                    "febrl" => FebrlEntity(id),
                    "splink" => Get("cluster") ?? $"?{source}:{row}",
                    "rldata" => Get("identity") ?? $"?{source}:{row}",
                    "ncvr" => Get("recid") ?? $"?{source}:{row}",
                    "openmash" => truthById!.GetValueOrDefault(id) ?? $"?{source}:{row}",
                    _ => throw new ArgumentException($"unknown format {format}"),
                });
            }
        }

        return new LabelledRecords(records, truth);
    }

    private static string FebrlEntity(string recId)
    {
        // rec-N-org / rec-N-dup-K: the same N is the same person.
        var parts = recId.Split('-');
        return parts.Length >= 2 ? parts[1] : recId;
    }

    private static Dictionary<string, string> ReadTruthFile(string file)
    {
        var path = Path.ChangeExtension(file, ".truth.csv");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        _ = Csv.ReadRow(reader);
        while (Csv.ReadRow(reader) is { } f)
        {
            if (f.Count >= 2)
            {
                map[f[0]] = f[1];
            }
        }

        return map;
    }

    private static string? Join(params string?[] parts)
    {
        var s = string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return s.Length == 0 ? null : s;
    }
}

/// <summary>Minimal RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes.</summary>
internal static class Csv
{
    public static List<string>? ReadRow(TextReader reader)
    {
        var c = reader.Read();
        if (c < 0)
        {
            return null;
        }

        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        while (true)
        {
            if (c < 0)
            {
                fields.Add(sb.ToString());
                return fields;
            }

            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        sb.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    sb.Append(ch);
                }
            }
            else if (ch == '"' && sb.ToString().Trim().Length == 0)
            {
                sb.Clear();
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else if (ch == '\n')
            {
                fields.Add(sb.ToString().TrimEnd('\r'));
                return fields;
            }
            else
            {
                sb.Append(ch);
            }

            c = reader.Read();
        }
    }

    public static string Quote(string? s) =>
        s is null ? string.Empty : s.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
}
