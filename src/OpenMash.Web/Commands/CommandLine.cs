namespace OpenMash.Web.Commands;

/// <summary>
/// The command line split into a verb with its own options (<c>hubs add --code STAFFS</c>) and the settings every run
/// honours, as the web host does: <c>--Key:Value</c>, <c>--Key:Sub=Value</c> or <c>--Key:Sub Value</c> (any key with
/// a colon), <c>--environment</c> and <c>--contentRoot</c>. <c>--demo</c> turns demo mode on.
/// </summary>
public sealed record CommandLine(IReadOnlyList<string>? Verb, IReadOnlyList<string> Settings, bool Demo)
{
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var demo = args.Contains("--demo", StringComparer.Ordinal);
        var rest = args.Where(a => a != "--demo").ToList();
        if (rest.Count == 0 || !CommandVerbs.Names.Contains(rest[0]))
        {
            return new CommandLine(null, rest, demo);
        }

        var verb = new List<string>();
        var settings = new List<string>();
        for (var i = 0; i < rest.Count; i++)
        {
            if (!IsSetting(rest[i]))
            {
                verb.Add(rest[i]);
                continue;
            }

            settings.Add(rest[i]);
            if (!rest[i].Contains('=', StringComparison.Ordinal) && i + 1 < rest.Count && !rest[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                settings.Add(rest[++i]);
            }
        }

        return new CommandLine(verb, settings, demo);
    }

    private static bool IsSetting(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return false;
        }

        var key = arg[2..].Split('=', 2)[0];
        return key.Contains(':', StringComparison.Ordinal)
            || key.Equals("environment", StringComparison.OrdinalIgnoreCase)
            || key.Equals("contentRoot", StringComparison.OrdinalIgnoreCase);
    }
}
