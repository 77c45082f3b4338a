using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace OpenMash.Web.Features.Shared;

/// <summary>
/// The free-text rules every form shares: an answer that must be given, an answer that must not be too long, and
/// an answer made of text people write (<see cref="TextRules"/>: no control or text-direction characters). An answer
/// of at most <see cref="SingleLineMax"/> characters is a single line (a name, a role, an organisation), so it may
/// not hold line breaks either; longer answers are multi-line free text. The too-long message names the answer by
/// its label, "Your answer" unless a form says otherwise.
/// <para>
/// Each <c>Require</c> returns the answer it checked, so a service validates its input once and writes the values
/// it was given back (the trimmed text, the chosen value) instead of dereferencing the input's nullable fields
/// again: when an answer is missing the value returned is a placeholder and an error has been added.
/// </para>
/// </summary>
public static class Validation
{
    public const string YourAnswer = "Your answer";

    /// <summary>The longest answer that is one line: names, roles, organisations, phone numbers.</summary>
    public const int SingleLineMax = 200;

    /// <summary>Text that must be given and kept within the text rules; returns it trimmed (empty when missing).</summary>
    public static string Require(this List<ValidationError> errors, string? value, string field, string message, int max, string label = YourAnswer)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, message));
            return string.Empty;
        }

        errors.Limit(value, field, max, label);
        return value.Trim();
    }

    /// <summary>
    /// A choice that must be made (yes or no, one value of a code list): returns it, or adds the error when it is
    /// missing or not one of the list's values and returns the default.
    /// </summary>
    public static T Require<T>(this List<ValidationError> errors, T? value, string field, string message)
        where T : struct
    {
        if (value is { } given && (!typeof(T).IsEnum || Enum.IsDefined(typeof(T), given)))
        {
            return given;
        }

        errors.Add(new(field, message));
        return default;
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
