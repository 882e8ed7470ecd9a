using Cronos;

namespace DailyWorker;

/// <summary>
/// When the runs start: a cron expression read in a time zone (Cronos: daylight-saving changes neither skip nor repeat a
/// daily run), against the injected clock, so tests move time with a fake <see cref="TimeProvider"/>.
/// </summary>
internal sealed class DigestSchedule
{
    /// <summary>
    /// The longest single wait: the clock is read again after each, so a clock that jumps (a corrected system time, a
    /// machine that slept) makes a run late by at most this much, and a wait longer than a timer allows is no problem.
    /// </summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(1);

    private readonly CronExpression _cron;
    private readonly TimeProvider _time;

    private DigestSchedule(CronExpression cron, TimeZoneInfo zone, TimeProvider time)
    {
        _cron = cron;
        Zone = zone;
        _time = time;
    }

    /// <summary>The time zone the expression is read in.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Reads a schedule.</summary>
    /// <param name="expression">A cron expression: 5 fields (minute hour day-of-month month day-of-week), 6 with seconds first, or a macro such as <c>@daily</c>.</param>
    /// <param name="timeZone">An IANA time zone id, such as <c>Europe/Madrid</c> or <c>UTC</c>.</param>
    /// <param name="time">The clock.</param>
    /// <exception cref="CronFormatException">The expression is not cron.</exception>
    /// <exception cref="TimeZoneNotFoundException">The system knows no such time zone.</exception>
    public static DigestSchedule Parse(string expression, string timeZone, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(timeZone);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        var cron = CronExpression.Parse(expression.Trim(), fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        return new DigestSchedule(cron, TimeZoneInfo.FindSystemTimeZoneById(timeZone), time);
    }

    /// <summary>The first run strictly after an instant, or <see langword="null"/> when the expression never occurs again (such as 30 February).</summary>
    /// <param name="instant">The instant.</param>
    public DateTimeOffset? NextAfter(DateTimeOffset instant) => _cron.GetNextOccurrence(instant, Zone)?.ToUniversalTime();

    /// <summary>The next run after now (by the injected clock).</summary>
    public DateTimeOffset? Next() => NextAfter(_time.GetUtcNow());

    /// <summary>The time of a run on the schedule's clock, in its time zone, for logs.</summary>
    /// <param name="instant">The instant.</param>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Waits until the injected clock reaches <paramref name="due"/>.</summary>
    /// <param name="due">When to wake.</param>
    /// <param name="cancellationToken">Stops the wait (the host is stopping).</param>
    /// <exception cref="OperationCanceledException">The wait was cancelled.</exception>
    public async Task WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        for (var left = due - _time.GetUtcNow(); left > TimeSpan.Zero; left = due - _time.GetUtcNow())
        {
            await Task.Delay(left < LongestWait ? left : LongestWait, _time, cancellationToken);
        }
    }
}
