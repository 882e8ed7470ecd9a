using DailyWorker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace NewsPerspectives.Tests.Samples;

/// <summary>
/// The worker as a service, in process with a fake clock: it waits for the scheduled time, runs as of that time, and
/// logs the next run; nothing runs before the time.
/// </summary>
public sealed class DailyWorkerServiceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("np-worker-service-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Service_RunsAtTheScheduledTime_AsOfThatTime()
    {
        // Topics without a pinned asOf: the scheduled time is the run's "as of" time (and so the digest's date).
        var topics = Path.Combine(_dir, "topics.yaml");
        var feeds = Path.Combine(TestPaths.Snapshot, "feeds", "china-japan");
        await File.WriteAllTextAsync(topics, $$"""
            topics:
              - id: china-japan
                name: China vs Japan
                sides: [{id: china, name: China}, {id: japan, name: Japan}]
                feeds:
                  - {path: '{{Path.Combine(feeds, "china.xml")}}', side: china}
                  - {path: '{{Path.Combine(feeds, "japan.xml")}}', side: japan}
            """);
        var output = Path.Combine(_dir, "out");
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-12T04:58:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var logs = new CapturingLoggerProvider();
        var builder = WorkerHost.CreateBuilder(WorkerCommandLine.Parse(
            ["--Worker:Schedule=0 5 * * *", "--Worker:TimeZone=UTC", $"--Worker:TopicsFile={topics}", $"--Worker:OutputFolder={output}", "--Worker:Formats:0=json"]));
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        builder.Logging.ClearProviders().AddProvider(logs);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var post = Path.Combine(output, "digests", "china-japan", "2026-01-12.json");
            await Eventually(() => logs.Entries.Any(e => e.EventId.Id == 4000), "the first 'next run' line");
            Assert.Contains(logs.Entries, e => e.Message.StartsWith("Next run at 2026-01-12 05:00:00 +00:00 UTC (2026-01-12 05:00:00 UTC)", StringComparison.Ordinal));
            while (clock.GetUtcNow() < DateTimeOffset.Parse("2026-01-12T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture))
            {
                Assert.False(File.Exists(post), $"ran at {clock.GetUtcNow():O}, before 05:00");
                clock.Advance(TimeSpan.FromSeconds(15));
                await Task.Delay(5);
            }

            await Eventually(() => logs.Entries.Count(e => e.EventId.Id == 4000) == 2, "the run and the following 'next run' line");
            Assert.Contains(logs.Entries, e => e.Message == "Run started: 1 topic(s) as of 2026-01-12 05:00:00 UTC, writing json to " + output);
            Assert.Contains(logs.Entries, e => e.Message.StartsWith("Next run at 2026-01-13 05:00:00", StringComparison.Ordinal));
            using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(post));
            Assert.Equal("china-japan", json.RootElement.GetProperty("topic").GetProperty("id").GetString());
            Assert.Equal("2026-01-12T05:00:00Z", json.RootElement.GetProperty("generatedAt").GetString());
            Assert.Equal(["digests/china-japan/2026-01-12.json"], Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')));
        }
        finally
        {
            await host.StopAsync();
        }

        Assert.Equal(0, host.Services.GetRequiredService<WorkerExit>().Code);
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        for (var waited = TimeSpan.Zero; !condition(); waited += TimeSpan.FromMilliseconds(20))
        {
            Assert.True(waited < TimeSpan.FromSeconds(30), $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }
}
