using System.CommandLine;
using System.CommandLine.Parsing;

namespace Migrations.Runner.Cli;

/// <summary>
/// Checks on option values that System.CommandLine reports as parse errors: each message is one
/// line that names the option, so a typo never reaches the run (exit 2, nothing changed).
/// </summary>
public static class OptionRules
{
    /// <summary>Only one of <paramref name="allowed"/>; replaces System.CommandLine's multi-line "must be one of" list.</summary>
    public static Option<string> AcceptOnly(Option<string> option, params string[] allowed) =>
        With(option, result =>
        {
            if (Value<string>(result) is { } value && !allowed.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{option.Name}: '{value}' is not one of {string.Join(", ", allowed)}");
            }
        });

    /// <summary>A text option given as <c>""</c> or spaces is a mistake (an unset pipeline variable, usually), not "use the default".</summary>
    public static Option<string> NotEmpty(Option<string> option) =>
        With(option, result =>
        {
            if (Given(result) && string.IsNullOrWhiteSpace(Value<string>(result)))
            {
                result.AddError($"{option.Name} needs a value, not an empty one");
            }
        });

    /// <summary>Every value of a repeatable text option must be non-empty.</summary>
    public static Option<string[]> NoneEmpty(Option<string[]> option) =>
        With(option, result =>
        {
            if (Given(result) && (Value<string[]>(result) ?? []).Any(string.IsNullOrWhiteSpace))
            {
                result.AddError($"{option.Name} needs a value, not an empty one");
            }
        });

    public static Option<int?> NotNegative(Option<int?> option, string unit) =>
        With(option, result =>
        {
            if (Value<int?>(result) is < 0 and var value)
            {
                result.AddError($"{option.Name} must be 0 or more {unit} (not {value})");
            }
        });

    private static T With<T>(T option, Action<OptionResult> validate)
        where T : Option
    {
        option.Validators.Add(validate);
        return option;
    }

    // A default is not the user's input.
    private static bool Given(OptionResult result) => !result.Implicit;

    // A value the parser could not convert ("--lock-timeout abc") has its own error already.
    private static T? Value<T>(OptionResult result)
    {
        if (!Given(result))
        {
            return default;
        }

        try
        {
            return result.GetValueOrDefault<T>();
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }
}
