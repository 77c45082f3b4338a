using System.Text.Json;

namespace OpenMash.Matching;

/// <summary>Saving and loading a trained model, so that a service can train once and start without re-training.</summary>
public static class MatchModelJson
{
    private const int FormatVersion = 3; // 2: levels OneNameInOtherField (given name) and TwoDigits (date of birth) added; 3: BirthPlace and Occupation comparisons
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Serialize(MatchModel model) => JsonSerializer.Serialize(new Dto
    {
        Version = FormatVersion,
        M = model.M,
        U = model.U,
        HouseholdU = model.UH,
        Prior = model.PriorProbability,
        HouseholdPrior = model.HouseholdPriorProbability,
        TrainingRecords = model.TrainingRecords,
        EmIterations = model.EmIterations,
        Likely = model.LikelyThreshold,
        Possible = model.PossibleThreshold,
    }, Options);

    public static MatchModel Deserialize(string json)
    {
        var d = JsonSerializer.Deserialize<Dto>(json, Options) ?? throw new InvalidDataException("Empty model.");
        if (d.Version != FormatVersion || d.M is null || d.U is null || d.M.Length != Comparisons.Count || d.U.Length != Comparisons.Count)
        {
            throw new InvalidDataException("Model was saved by an incompatible version.");
        }

        return new MatchModel(d.M, d.U, d.Prior, d.TrainingRecords, d.EmIterations, d.HouseholdU, d.HouseholdPrior)
        {
            LikelyThreshold = d.Likely,
            PossibleThreshold = d.Possible,
        };
    }

    private sealed class Dto
    {
        public int Version { get; set; }
        public double[][]? M { get; set; }
        public double[][]? U { get; set; }
        public double[][]? HouseholdU { get; set; }
        public double Prior { get; set; }
        public double HouseholdPrior { get; set; }
        public int TrainingRecords { get; set; }
        public int EmIterations { get; set; }
        public double Likely { get; set; }
        public double Possible { get; set; }
    }
}
