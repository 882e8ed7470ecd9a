using System.Globalization;
using System.Runtime.CompilerServices;

namespace NewsPerspectives;

/// <summary>
/// Collects what is wrong with an options object, each failure naming the option by its path
/// (<c>NewsPerspectivesOptions.Summarizer.MinHighlights is 9; it must be at most MaxHighlights (5)</c>). Options
/// classes state their rules once, in an <c>internal void Check(OptionChecks check)</c>; constructors throw the
/// failures (<see cref="ThrowIfAny"/>) and the <c>IValidateOptions</c> validators report them at start.
/// Nothing is clamped: a value out of range is an error.
/// </summary>
internal sealed class OptionChecks(string path)
{
    private readonly List<(string Name, string Message)> _failures = [];

    /// <summary>The failures, in the order found.</summary>
    public IReadOnlyList<string> Failures => _failures.Select(f => f.Message).ToArray();

    /// <summary>Checks an options object and throws when anything is wrong.</summary>
    /// <param name="path">The options' name in messages, such as <c>HttpFeedOptions</c>.</param>
    /// <param name="check">The options' rules.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names every one.</exception>
    public static void Validate(string path, Action<OptionChecks> check)
    {
        var checks = new OptionChecks(path);
        check(checks);
        checks.ThrowIfAny();
    }

    /// <summary>Checks the options of a part under <c>path.name</c>.</summary>
    public void Nested(string name, Action<OptionChecks> check)
    {
        var nested = new OptionChecks($"{path}.{name}");
        check(nested);
        _failures.AddRange(nested._failures);
    }

    public void AtLeast(long value, long minimum, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < minimum)
        {
            Fail(name, value, string.Create(CultureInfo.InvariantCulture, $"must be {minimum} or more"));
        }
    }

    public void AtLeast(double value, double minimum, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (double.IsNaN(value) || value < minimum)
        {
            Fail(name, value, string.Create(CultureInfo.InvariantCulture, $"must be {minimum} or more"));
        }
    }

    /// <summary><paramref name="value"/> must not exceed another option, <paramref name="maximum"/>.</summary>
    public void AtMost(int value, int maximum, [CallerArgumentExpression(nameof(value))] string name = "", [CallerArgumentExpression(nameof(maximum))] string maximumName = "")
    {
        if (value > maximum)
        {
            Fail(name, value, string.Create(CultureInfo.InvariantCulture, $"must be at most {maximumName} ({maximum})"));
        }
    }

    /// <summary><paramref name="value"/> must be at least another option, <paramref name="minimum"/>.</summary>
    public void NotBelow(int value, int minimum, [CallerArgumentExpression(nameof(value))] string name = "", [CallerArgumentExpression(nameof(minimum))] string minimumName = "")
    {
        if (value < minimum)
        {
            Fail(name, value, string.Create(CultureInfo.InvariantCulture, $"must be at least {minimumName} ({minimum})"));
        }
    }

    public void Between(double value, double minimum, double maximum, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (double.IsNaN(value) || value < minimum || value > maximum)
        {
            Fail(name, value, string.Create(CultureInfo.InvariantCulture, $"must be between {minimum} and {maximum}"));
        }
    }

    /// <summary>A share or similarity that must be above 0 and at most 1.</summary>
    public void Fraction(double value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (double.IsNaN(value) || value <= 0 || value > 1)
        {
            Fail(name, value, "must be above 0 and at most 1");
        }
    }

    public void Positive(TimeSpan value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value <= TimeSpan.Zero)
        {
            Fail(name, value, "must be positive");
        }
    }

    public void NotNegative(TimeSpan value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value < TimeSpan.Zero)
        {
            Fail(name, value, "must not be negative");
        }
    }

    /// <summary>A folder under the output root, such as <c>content/summaries</c>: not empty once '/' are trimmed.</summary>
    public void Folder(string? value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (string.IsNullOrWhiteSpace(value?.Trim('/')))
        {
            Fail(name, value, "must name a folder under the output root");
        }
    }

    public void NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(name, value, "must not be empty");
        }
    }

    public void NotNull(object? value, [CallerArgumentExpression(nameof(value))] string name = "")
    {
        if (value is null)
        {
            Fail(name, null, "must be set");
        }
    }

    /// <summary>A rule of its own: <paramref name="problem"/> when <paramref name="valid"/> is false.</summary>
    public void That(bool valid, string name, object? value, string problem)
    {
        if (!valid)
        {
            Fail(name, value, problem);
        }
    }

    /// <summary>Throws the failures as one <see cref="ArgumentException"/> whose parameter is the first failing option.</summary>
    /// <exception cref="ArgumentException">Something failed.</exception>
    public void ThrowIfAny()
    {
        if (_failures.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", _failures.Select(f => f.Message)), _failures[0].Name);
        }
    }

    private void Fail(string name, object? value, string rule) =>
        _failures.Add(($"{path}.{name}", $"{path}.{name} is {Show(value)}; it {rule}"));

    private static string Show(object? value) => value switch
    {
        null => "not set",
        string text => $"'{text}'",
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
