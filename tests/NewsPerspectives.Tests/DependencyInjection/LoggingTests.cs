using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsPerspectives.Tests.Sources.Http;

namespace NewsPerspectives.Tests.DependencyInjection;

/// <summary>Logging defaults that don't shout: resilience attempts at Debug unless they fail, and event ids on the library's own messages.</summary>
public sealed class LoggingTests
{
    private static ServiceProvider Services(CapturingLoggerProvider logs)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddNewsPerspectives().AddHttpFeeds(o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(10);
            o.BlockPrivateAddresses = false; // the guard's opt-out: the feeds are on 127.0.0.1
        });
        return services.BuildServiceProvider();
    }

    private static string Rss(string title) => $"""
        <rss version="2.0"><channel><title>{title}</title><link>https://{title}.example/</link>
        <item><title>One</title><link>https://{title}.example/1</link><pubDate>Sun, 11 Jan 2026 10:00:00 GMT</pubDate></item>
        </channel></rss>
        """;

    private static List<LogEntry> Attempts(CapturingLoggerProvider logs) =>
        logs.Entries.Where(e => e.Category.StartsWith("Polly", StringComparison.Ordinal) && e.Message.StartsWith("Execution attempt", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task ASuccessfulAttempt_IsLoggedAtDebug_AFailedOneAtWarning()
    {
        await using var server = await LoopbackFeedServer.StartAsync();
        int calls = 0;
        var flaky = server.Map("/flaky.xml", context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return Task.CompletedTask;
            }

            context.Response.ContentType = "application/rss+xml";
            return context.Response.WriteAsync(Rss("flaky"));
        });
        var logs = new CapturingLoggerProvider();
        await using var provider = Services(logs);
        var source = provider.GetServices<IFeedSource>().OfType<HttpFeedSource>().Single();

        var read = await source.ReadAsync(new FeedDefinition { Kind = FeedKind.Url, Location = flaky });

        Assert.Equal(FeedStatus.Ok, read.Status);
        var attempts = Attempts(logs);
        Assert.Equal(2, attempts.Count);
        Assert.Equal(LogLevel.Warning, attempts[0].Level); // the 503: a failed attempt keeps its level
        Assert.Contains("Handled: 'True'", attempts[0].Message, StringComparison.Ordinal);
        Assert.Equal(LogLevel.Debug, attempts[1].Level);   // the retry that worked: Polly says Information, we say Debug
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("Polly", StringComparison.Ordinal) && e.Level == LogLevel.Information);
    }

    [Fact]
    public async Task AFeedReadAtTheFirstTry_LogsNothingFromPollyAboveDebug()
    {
        await using var server = await LoopbackFeedServer.StartAsync();
        var url = server.MapFeed("/ok.xml", Rss("ok"));
        var logs = new CapturingLoggerProvider();
        await using var provider = Services(logs);
        var source = provider.GetServices<IFeedSource>().OfType<HttpFeedSource>().Single();

        var read = await source.ReadAsync(new FeedDefinition { Kind = FeedKind.Url, Location = url });

        Assert.Equal(FeedStatus.Ok, read.Status);
        Assert.Equal(LogLevel.Debug, Assert.Single(Attempts(logs)).Level);
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("Polly", StringComparison.Ordinal) && e.Level > LogLevel.Debug);
        var fetched = Assert.Single(logs.Entries, e => e.Category == typeof(HttpFeedSource).FullName);
        Assert.Equal((1100, "FeedFetched", LogLevel.Information), (fetched.EventId.Id, fetched.EventId.Name, fetched.Level));
    }

    [Fact]
    public async Task TheLibrarysOwnMessages_CarryEventIds()
    {
        await using var server = await LoopbackFeedServer.StartAsync();
        var url = server.MapFeed("/b.xml", Rss("b"));
        var logs = new CapturingLoggerProvider();
        await using var provider = Services(logs);
        var topic = new TopicDefinition
        {
            Id = "a-b",
            Name = "A vs B",
            Sides = [new SideDefinition { Id = "a", Name = "A" }, new SideDefinition { Id = "b", Name = "B" }],
            Feeds =
            [
                new FeedDefinition { Kind = FeedKind.File, Location = Path.Combine(TestPaths.Snapshot, "feeds", "missing.xml"), Side = "a" },
                new FeedDefinition { Kind = FeedKind.Url, Location = url, Side = "b" },
            ],
        };

        await provider.GetRequiredService<DigestPipeline>().RunAsync(topic);

        var own = logs.Entries.Where(e => e.Category.StartsWith("NewsPerspectives.", StringComparison.Ordinal)).ToList();
        Assert.Contains(own, e => (e.EventId.Id, e.EventId.Name, e.Level) == (1001, "FeedFailed", LogLevel.Warning) && e.Message.Contains("missing.xml", StringComparison.Ordinal));
        Assert.Contains(own, e => (e.EventId.Id, e.EventId.Name, e.Level) == (1000, "TopicDigested", LogLevel.Information));
        Assert.Contains(own, e => e.EventId.Id == 1100);
        Assert.All(own, e => Assert.InRange(e.EventId.Id, 1000, 1199));
    }
}
