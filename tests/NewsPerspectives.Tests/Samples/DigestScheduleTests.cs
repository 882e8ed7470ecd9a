using Cronos;
using DailyWorker;
using Microsoft.Extensions.Time.Testing;

namespace NewsPerspectives.Tests.Samples;

/// <summary>The worker's cron schedule: the next run comes from the injected clock, in the configured time zone, across daylight-saving changes.</summary>
public sealed class DigestScheduleTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-12T04:59:59Z", "2026-01-12T05:00:00Z")] // a second before: today
    [InlineData("2026-01-12T05:00:00Z", "2026-01-13T05:00:00Z")] // at the time: the next day, never twice
    [InlineData("2026-01-12T17:30:00Z", "2026-01-13T05:00:00Z")]
    [InlineData("2026-12-31T06:00:00Z", "2027-01-01T05:00:00Z")]
    public void Next_IsTheFirstRunAfterTheInjectedClock(string now, string expected)
    {
        var clock = new FakeTimeProvider(Utc(now));
        var schedule = DigestSchedule.Parse("0 5 * * *", "UTC", clock);

        Assert.Equal(Utc(expected), schedule.Next());
    }

    [Fact]
    public void Next_FollowsTheClockAsItMoves()
    {
        var clock = new FakeTimeProvider(Utc("2026-01-12T04:00:00Z"));
        var schedule = DigestSchedule.Parse("*/15 * * * *", "UTC", clock);
        Assert.Equal(Utc("2026-01-12T04:15:00Z"), schedule.Next());

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(Utc("2026-01-12T04:30:00Z"), schedule.Next());
    }

    [Theory]
    [InlineData("2026-03-28T10:00:00Z", "2026-03-29T03:00:00Z")] // summer time starts on 29 March: 05:00 CEST is 03:00 UTC
    [InlineData("2026-03-27T10:00:00Z", "2026-03-28T04:00:00Z")] // the day before: 05:00 CET is 04:00 UTC
    [InlineData("2026-10-24T10:00:00Z", "2026-10-25T04:00:00Z")] // winter time from 25 October
    public void Next_ReadsTheExpressionInTheTimeZone(string now, string expected)
    {
        var schedule = DigestSchedule.Parse("0 5 * * *", "Europe/Madrid", new FakeTimeProvider(Utc(now)));

        Assert.Equal(Utc(expected), schedule.Next());
        Assert.Equal(new TimeSpan(5, 0, 0), schedule.Local(schedule.Next()!.Value).TimeOfDay);
    }

    [Fact]
    public void SixFields_HaveSecondsFirst_AndMacrosWork()
    {
        var clock = new FakeTimeProvider(Utc("2026-01-12T04:00:00Z"));
        Assert.Equal(Utc("2026-01-12T04:00:30Z"), DigestSchedule.Parse("30 * * * * *", "UTC", clock).Next());
        Assert.Equal(Utc("2026-01-13T00:00:00Z"), DigestSchedule.Parse("@daily", "UTC", clock).Next());
    }

    [Fact]
    public void AnExpressionThatNeverOccurs_HasNoNextRun()
    {
        Assert.Null(DigestSchedule.Parse("0 5 30 2 *", "UTC", new FakeTimeProvider(Utc("2026-01-12T04:00:00Z"))).Next());
    }

    [Fact]
    public void BadExpressionOrZone_Throw()
    {
        Assert.Throws<CronFormatException>(() => DigestSchedule.Parse("0 25 * * *", "UTC", TimeProvider.System));
        Assert.Throws<TimeZoneNotFoundException>(() => DigestSchedule.Parse("0 5 * * *", "Mars/Olympus_Mons", TimeProvider.System));
    }

    [Fact]
    public async Task WaitUntil_EndsWhenTheInjectedClockReachesTheTime_OverSeveralLongestWaits()
    {
        var clock = new FakeTimeProvider(Utc("2026-01-12T04:57:00Z"));
        var schedule = DigestSchedule.Parse("0 5 * * *", "UTC", clock);
        var due = schedule.Next()!.Value;
        Assert.True(due - clock.GetUtcNow() > 2 * DigestSchedule.LongestWait, "the wait must span several timer periods");

        var wait = schedule.WaitUntilAsync(due, CancellationToken.None);
        var step = TimeSpan.FromSeconds(10);
        while (clock.GetUtcNow() < due)
        {
            Assert.False(wait.IsCompleted, $"woke at {clock.GetUtcNow():O}, before {due:O}");
            clock.Advance(step);
            await Task.Delay(5); // let the continuation arm the next timer
        }

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(due, clock.GetUtcNow());
    }

    [Fact]
    public async Task WaitUntil_IsCancelledByTheToken()
    {
        var clock = new FakeTimeProvider(Utc("2026-01-12T04:00:00Z"));
        var schedule = DigestSchedule.Parse("0 5 * * *", "UTC", clock);
        using var stop = new CancellationTokenSource();
        var wait = schedule.WaitUntilAsync(schedule.Next()!.Value, stop.Token);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
