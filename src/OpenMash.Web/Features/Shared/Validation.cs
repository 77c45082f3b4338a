namespace OpenMash.Web.Features.Shared;

/// <summary>
/// The free-text rules every form shares: an answer that must be given, and an answer that must not be too long.
/// The too-long message names the answer by its label, "Your answer" unless a form says otherwise.
/// </summary>
public static class Validation
{
    public const string YourAnswer = "Your answer";

    public static void Require(this List<ValidationError> errors, string? value, string field, string message, int max, string label = YourAnswer)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, message));
        }
        else
        {
            errors.Limit(value, field, max, label);
        }
    }

    public static void Limit(this List<ValidationError> errors, string? value, string field, int max, string label = YourAnswer)
    {
        if (value?.Length > max)
        {
            errors.Add(new(field, $"{label} must be {max:N0} characters or fewer"));
        }
    }
}
