using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OpenMash.Web.Features.Shared;

/// <summary>
/// The free-text rules every form shares: an answer that must be given, an answer that must not be too long, and
/// an answer made of text people write (<see cref="TextRules"/>: no control or text-direction characters). An answer
/// of at most <see cref="SingleLineMax"/> characters is a single line (a name, a role, an organisation), so it may
/// not hold line breaks either; longer answers are multi-line free text. The too-long message names the answer by
/// its label, "Your answer" unless a form says otherwise.
/// </summary>
public static class Validation
{
    public const string YourAnswer = "Your answer";

    /// <summary>The longest answer that is one line: names, roles, organisations, phone numbers.</summary>
    public const int SingleLineMax = 200;

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

    /// <summary>
    /// For a page that checks its own fields: the text rules of <see cref="Limit"/> (control and text-direction
    /// characters; line breaks in a one-line answer) on an answer that has no other error yet.
    /// </summary>
    public static void CheckText(this ModelStateDictionary modelState, string? value, string field, int max, string label = YourAnswer)
    {
        if (value is not null && value.Length <= max && modelState.GetFieldValidationState(field) != ModelValidationState.Invalid
            && TextRules.Problem(value, label, multiLine: max > SingleLineMax) is { } problem)
        {
            modelState.AddModelError(field, problem);
        }
    }

    public static void Limit(this List<ValidationError> errors, string? value, string field, int max, string label = YourAnswer)
    {
        if (value?.Length > max)
        {
            errors.Add(new(field, $"{label} must be {max:N0} characters or fewer"));
        }
        else if (TextRules.Problem(value, label, multiLine: max > SingleLineMax) is { } problem)
        {
            errors.Add(new(field, problem));
        }
    }
}
