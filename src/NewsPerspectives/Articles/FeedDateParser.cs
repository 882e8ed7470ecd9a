using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsPerspectives;

/// <summary>
/// Parses feed dates culture-invariantly: RFC 822/1123 (with or without weekday, seconds, two-digit years,
/// numeric offsets or zone names such as GMT, EST, CEST, JST) and ISO 8601 / W3C-DTF. The result is always UTC.
/// </summary>
public static partial class FeedDateParser
{
    private static readonly Dictionary<string, int> ZoneOffsetsInMinutes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["WET"] = 0,
        ["EST"] = -5 * 60, ["EDT"] = -4 * 60, ["CST"] = -6 * 60, ["CDT"] = -5 * 60,
        ["MST"] = -7 * 60, ["MDT"] = -6 * 60, ["PST"] = -8 * 60, ["PDT"] = -7 * 60,
        ["AKST"] = -9 * 60, ["AKDT"] = -8 * 60, ["HST"] = -10 * 60,
        ["BST"] = 60, ["CET"] = 60, ["CEST"] = 120, ["MET"] = 60, ["MEST"] = 120, ["WEST"] = 60,
        ["EET"] = 120, ["EEST"] = 180, ["MSK"] = 180,
        ["IST"] = 330, ["PKT"] = 300, ["HKT"] = 480, ["SGT"] = 480, ["JST"] = 540, ["KST"] = 540,
        ["AEST"] = 600, ["AEDT"] = 660, ["NZST"] = 720, ["NZDT"] = 780,
        // RFC 822 military zones other than Z are ambiguous in practice; they are not accepted.
    };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyyMMdd'T'HHmmssK", "yyyy-MM",
    ];

    [GeneratedRegex(@"^\s*(?:[A-Za-z]{2,9}\.?,?\s*)?(?<day>\d{1,2})[\s-]+(?<month>[A-Za-z]{3,9})\.?[\s-]+(?<year>\d{2,4})(?:\s+|T)(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d+)?)?\s*(?<zone>[+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?\s*(?:\([^)]*\))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^\s*(?:[A-Za-z]{2,9}\.?,?\s*)?(?<day>\d{1,2})[\s-]+(?<month>[A-Za-z]{3,9})\.?[\s-]+(?<year>\d{4})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822DateOnly();

    /// <summary>Parses a feed date.</summary>
    /// <param name="text">The date text as in the feed.</param>
    /// <param name="value">The instant in UTC (offset zero).</param>
    /// <returns><see langword="true"/> when the text is a date this parser understands, zone included.</returns>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (TryParseRfc822(text, out value))
        {
            return true;
        }

        // ISO 8601: a missing zone means UTC (W3C-DTF recommends one; feeds without one are nearly always UTC).
        if (DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var iso))
        {
            value = iso.ToUniversalTime();
            return true;
        }

        return false;
    }

    private static bool TryParseRfc822(string text, out DateTimeOffset value)
    {
        value = default;
        var match = Rfc822().Match(text);
        bool hasTime = match.Success;
        if (!hasTime)
        {
            match = Rfc822DateOnly().Match(text);
            if (!match.Success)
            {
                return false;
            }
        }

        int month = MonthNumber(match.Groups["month"].Value);
        if (month == 0)
        {
            return false;
        }

        int day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        int year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["year"].Value.Length == 2)
        {
            year += year < 50 ? 2000 : 1900;
        }
        else if (match.Groups["year"].Value.Length == 3)
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        int offsetMinutes = 0;
        if (hasTime)
        {
            hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
            minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
            second = match.Groups["second"].Success ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
            var zone = match.Groups["zone"].Value;
            if (zone.Length > 0 && !TryZoneOffset(zone, out offsetMinutes))
            {
                return false;
            }
        }

        if (hour > 23 || minute > 59 || second > 60 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month))
        {
            return false;
        }

        second = Math.Min(second, 59);
        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offsetMinutes)).ToUniversalTime();
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static int MonthNumber(string name)
    {
        if (name.Length < 3)
        {
            return 0;
        }

        var prefix = name[..3];
        for (int i = 0; i < Months.Length; i++)
        {
            if (string.Equals(prefix, Months[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static bool TryZoneOffset(string zone, out int minutes)
    {
        if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
            int hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            int mins = int.Parse(digits[2..], CultureInfo.InvariantCulture);
            minutes = (hours * 60) + mins;
            if (zone[0] == '-')
            {
                minutes = -minutes;
            }

            return hours <= 14 && mins < 60;
        }

        return ZoneOffsetsInMinutes.TryGetValue(zone, out minutes);
    }
}
