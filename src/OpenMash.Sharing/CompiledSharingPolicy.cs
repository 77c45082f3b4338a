namespace OpenMash.Sharing;

/// <summary>
/// An immutable compiled policy. It holds one precomputed decision table for the time window in which the set
/// of agreements in force does not change ([<see cref="WindowStart"/>, <see cref="WindowEnd"/>)); a decision
/// for an instant in the window is a few array reads. An instant outside the window is still answered
/// correctly by scanning the rules; <see cref="PolicyHolder"/> recompiles when time passes the window's end.
/// One table per window rather than one per interval keeps memory to a single table however many boundaries
/// the agreements have, and a recompile of 1,000 agreements takes milliseconds.
/// </summary>
public sealed class CompiledSharingPolicy
{
    private const int NoRule = 0;

    private static readonly int Categories = PolicyModel.CategoryCount;
    private static readonly int Purposes = PolicyModel.PurposeCount;

    private readonly PolicyModel model;
    private readonly long windowStart;
    private readonly long windowEnd;
    private readonly HubId[] hubs;
    private readonly PairTable?[] pairs;

    private CompiledSharingPolicy(PolicyModel model, long windowStart, long windowEnd, HubId[] hubs, PairTable?[] pairs)
    {
        this.model = model;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.hubs = hubs;
        this.pairs = pairs;
    }

    public PolicyVersion Version => model.Version;

    /// <summary>Agreements in force in this policy: the highest version of each agreement id.</summary>
    public IReadOnlyList<SharingAgreement> Agreements => model.Rules;

    /// <summary>Start of the window the table answers for, or null when it reaches back without limit.</summary>
    public DateTimeOffset? WindowStart => windowStart == long.MinValue ? null : new DateTimeOffset(windowStart, TimeSpan.Zero);

    /// <summary>The next instant at which some agreement starts or stops: recompile then. Null: never.</summary>
    public DateTimeOffset? WindowEnd => windowEnd == long.MaxValue ? null : new DateTimeOffset(windowEnd, TimeSpan.Zero);

    public bool Covers(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return ticks >= windowStart && ticks < windowEnd;
    }

    /// <summary>Compiles the agreement set for the window that contains <paramref name="instant"/>.</summary>
    /// <exception cref="PolicyCompilationException">The inputs are malformed; the caller must fail closed.</exception>
    public static CompiledSharingPolicy Compile(SharingPolicyInputs inputs, DateTimeOffset instant) =>
        Compile(PolicyModel.Create(inputs), instant);

    /// <summary>The same agreement set and version, compiled for the window that contains <paramref name="instant"/>.</summary>
    public CompiledSharingPolicy CompileFor(DateTimeOffset instant) => Covers(instant) ? this : Compile(model, instant);

    public SharingDecision Decide(in SharingRequest request)
    {
        var ticks = request.At.UtcTicks;
        if (ticks < windowStart || ticks >= windowEnd)
            return DecideByScan(request);

        if (!model.AgencyIndex.TryGetValue(request.SourceAgency, out var source)
            || !model.AgencyIndex.TryGetValue(request.DestinationAgency, out var destination))
            return new SharingDecision(SharingOutcome.Deny, DecisionReason.UnknownAgency, null, model.Version);

        var category = (int)request.Category;
        var purpose = (int)request.Purpose;
        if ((uint)category >= (uint)Categories || (uint)purpose >= (uint)Purposes)
            return new SharingDecision(SharingOutcome.Deny, DecisionReason.InvalidRequest, null, model.Version);

        var sourceHub = HubIndex(request.SourceHub);
        var destinationHub = HubIndex(request.DestinationHub);
        if (sourceHub < 0 || destinationHub < 0)
            return NoAgreement();

        var table = pairs[(sourceHub * hubs.Length) + destinationHub];
        if (table is null)
            return NoAgreement();

        var row = (table.SourceClass[source] * table.DestinationClassCount) + table.DestinationClass[destination];
        return FromCell(table.Cells[(((row * Categories) + category) * Purposes) + purpose]);
    }

    private int HubIndex(HubId hub)
    {
        var all = hubs;
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i] == hub)
                return i;
        }

        return -1;
    }

    private SharingDecision NoAgreement() => new(SharingOutcome.Deny, DecisionReason.NoAgreement, null, model.Version);

    private SharingDecision FromCell(int cell)
    {
        if (cell == NoRule)
            return NoAgreement();
        var rule = model.Rules[(cell >> 2) - 1];
        var reason = rule.Effect == AgreementEffect.Deny ? DecisionReason.DeniedByAgreement : DecisionReason.AllowedByAgreement;
        return new SharingDecision((SharingOutcome)(cell & 3), reason, rule, model.Version);
    }

    private SharingDecision DecideByScan(in SharingRequest request)
    {
        if (!model.AgencyIndex.TryGetValue(request.SourceAgency, out var source)
            || !model.AgencyIndex.TryGetValue(request.DestinationAgency, out var destination))
            return new SharingDecision(SharingOutcome.Deny, DecisionReason.UnknownAgency, null, model.Version);
        if (!Enum.IsDefined(request.Category) || !Enum.IsDefined(request.Purpose))
            return new SharingDecision(SharingOutcome.Deny, DecisionReason.InvalidRequest, null, model.Version);

        var sourceAgency = model.Agencies[source];
        var destinationAgency = model.Agencies[destination];
        var verdict = new Verdict();
        for (var i = 0; i < model.Rules.Length; i++)
        {
            var rule = model.Rules[i];
            if (rule.Category == request.Category && rule.Purpose == request.Purpose
                && rule.SourceHub == request.SourceHub && rule.DestinationHub == request.DestinationHub
                && rule.Source.Matches(sourceAgency) && rule.Destination.Matches(destinationAgency)
                && rule.IsInForceAt(request.At))
                verdict.Add(i, rule);
        }

        return FromCell(verdict.Cell);
    }

    private static CompiledSharingPolicy Compile(PolicyModel model, DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        var (start, end) = Window(model.Boundaries, ticks);

        var active = new List<int>();
        for (var i = 0; i < model.Rules.Length; i++)
        {
            var rule = model.Rules[i];
            if (rule.IsInForceAt(instant) && Names(model, rule.Source) && Names(model, rule.Destination))
                active.Add(i);
        }

        var hubs = active
            .SelectMany(i => new[] { model.Rules[i].SourceHub, model.Rules[i].DestinationHub })
            .Distinct()
            .ToArray();
        var pairs = new PairTable?[hubs.Length * hubs.Length];
        foreach (var group in active.GroupBy(i => (Array.IndexOf(hubs, model.Rules[i].SourceHub) * hubs.Length) + Array.IndexOf(hubs, model.Rules[i].DestinationHub)))
            pairs[group.Key] = PairTable.Build(model, group.ToList());

        return new CompiledSharingPolicy(model, start, end, hubs, pairs);
    }

    // A rule naming an agency missing from the registry can never match: unknown agencies are always denied.
    private static bool Names(PolicyModel model, PartySelector party) =>
        party.Agency is not { } id || model.AgencyIndex.ContainsKey(id);

    private static (long Start, long End) Window(long[] boundaries, long ticks)
    {
        var index = Array.BinarySearch(boundaries, ticks);
        var firstAfter = index >= 0 ? index + 1 : ~index;
        var start = firstAfter > 0 ? boundaries[firstAfter - 1] : long.MinValue;
        var end = firstAfter < boundaries.Length ? boundaries[firstAfter] : long.MaxValue;
        return (start, end);
    }

    /// <summary>
    /// Accumulates the rules that apply to one cell, in tie-break order. The outcome is the highest level an
    /// allow grants, capped by the lowest level a deny leaves. The deny decides when its cap is the outcome
    /// (a deny wins ties); otherwise the allow that granted the outcome decides; with neither, no agreement.
    /// Cells are encoded as (rule index + 1) &lt;&lt; 2 | outcome, 0 meaning no agreement.
    /// </summary>
    internal struct Verdict
    {
        private int allow;
        private int deny;

        public void Add(int ruleIndex, SharingAgreement rule)
        {
            var level = (int)PolicyModel.Level(rule);
            var encoded = ((ruleIndex + 1) << 2) | level;
            if (rule.Effect == AgreementEffect.Allow)
            {
                if (allow == NoRule || level > (allow & 3))
                    allow = encoded;
            }
            else if (deny == NoRule || level < (deny & 3))
            {
                deny = encoded;
            }
        }

        public readonly int Cell
        {
            get
            {
                var granted = allow == NoRule ? 0 : allow & 3;
                var cap = deny == NoRule ? (int)SharingOutcome.Content : deny & 3;
                var outcome = Math.Min(granted, cap);
                if (deny != NoRule && cap == outcome)
                    return deny;
                return outcome > 0 ? allow : NoRule;
            }
        }
    }

    /// <summary>
    /// Decisions for one (source hub, destination hub) pair. Agencies that no rule names individually behave
    /// alike within their type, so they share one class per type; each agency named by a rule gets its own class.
    /// </summary>
    private sealed class PairTable
    {
        private PairTable(int[] sourceClass, int[] destinationClass, int destinationClassCount, int[] cells)
        {
            SourceClass = sourceClass;
            DestinationClass = destinationClass;
            DestinationClassCount = destinationClassCount;
            Cells = cells;
        }

        public int[] SourceClass { get; }

        public int[] DestinationClass { get; }

        public int DestinationClassCount { get; }

        public int[] Cells { get; }

        public static PairTable Build(PolicyModel model, List<int> ruleIndexes)
        {
            var (sourceClass, sourceClassesOfType) = Classes(model, ruleIndexes, r => r.Source);
            var (destinationClass, destinationClassesOfType) = Classes(model, ruleIndexes, r => r.Destination);
            var destinationCount = destinationClassesOfType.Sum(c => c.Count);
            var sourceCount = sourceClassesOfType.Sum(c => c.Count);

            var verdicts = new Verdict[sourceCount * destinationCount * Categories * Purposes];
            foreach (var index in ruleIndexes)
            {
                var rule = model.Rules[index];
                var sources = Targets(model, rule.Source, sourceClass, sourceClassesOfType);
                var destinations = Targets(model, rule.Destination, destinationClass, destinationClassesOfType);
                var offset = ((int)rule.Category * Purposes) + (int)rule.Purpose;
                foreach (var s in sources)
                {
                    foreach (var d in destinations)
                        verdicts[((((s * destinationCount) + d) * Categories * Purposes) + offset)].Add(index, rule);
                }
            }

            var cells = new int[verdicts.Length];
            for (var i = 0; i < cells.Length; i++)
                cells[i] = verdicts[i].Cell;
            return new PairTable(sourceClass, destinationClass, destinationCount, cells);
        }

        // Class t (< type count) is "any other agency of type t"; named agencies follow, listed under their type.
        private static (int[] ClassOfAgency, List<int>[] ClassesOfType) Classes(PolicyModel model, List<int> ruleIndexes, Func<SharingAgreement, PartySelector> side)
        {
            var classOfAgency = new int[model.Agencies.Length];
            var classesOfType = new List<int>[PolicyModel.AgencyTypeCount];
            for (var t = 0; t < classesOfType.Length; t++)
                classesOfType[t] = [t];
            for (var a = 0; a < classOfAgency.Length; a++)
                classOfAgency[a] = (int)model.Agencies[a].Type;

            var next = PolicyModel.AgencyTypeCount;
            foreach (var index in ruleIndexes)
            {
                if (side(model.Rules[index]).Agency is not { } id)
                    continue;
                var agency = model.AgencyIndex[id];
                if (classOfAgency[agency] >= PolicyModel.AgencyTypeCount)
                    continue;
                classOfAgency[agency] = next;
                classesOfType[(int)model.Agencies[agency].Type].Add(next);
                next++;
            }

            return (classOfAgency, classesOfType);
        }

        private static List<int> Targets(PolicyModel model, PartySelector party, int[] classOfAgency, List<int>[] classesOfType) =>
            party.Agency is { } id ? [classOfAgency[model.AgencyIndex[id]]] : classesOfType[(int)party.Type!.Value];
    }
}
