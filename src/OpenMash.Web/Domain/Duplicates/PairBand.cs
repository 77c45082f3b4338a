namespace OpenMash.Web.Domain.Duplicates;

/// <summary>How strongly the matcher suggested a pair when it was compared (pages derive the label from the probability).</summary>
public enum PairBand
{
    Possible = 1,
    Likely = 2,
}
