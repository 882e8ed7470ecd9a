using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Benchmarks;

/// <summary>
/// <c>fault-run</c>: the reliability audit's fault run, repeatable. N feeds served from loopback by a child process
/// (<c>fault-serve</c>), a chosen share of them faulty, spread evenly over every fault kind below; read as one topic
/// through the whole pipeline with <c>AddHttpFeeds()</c> defaults. Reports wall time, peak working set, the healthy
/// items found against those served, and whether every fault was named with the expected kind; exits 1 when an
/// outcome is not the expected one.
/// </summary>
/// <remarks>
/// <c>fault-run [--feeds 200] [--faulty-percent 30] [--hosts 20] [--items 20] [--latency-ms 100]
/// [--request-timeout-s 30] [--max-concurrent-feeds 32]</c>. The private-address guard stays on, with an address
/// filter that allows 127.0.0.1 only, so the redirect to a link-local address is refused before any connection.
/// </remarks>
internal static class FaultRun
{
    /// <summary>Each fault the server can play, with the outcome it must give: an error kind, or <see langword="null"/> for "read right".</summary>
    private static readonly (string Name, FeedErrorKind? Expected)[] Faults =
    [
        ("not-found-html", FeedErrorKind.HttpStatus),
        ("server-error-with-feed", FeedErrorKind.HttpStatus),
        ("too-many-requests", FeedErrorKind.HttpStatus),
        ("gone", FeedErrorKind.Gone),
        ("redirect-loop", FeedErrorKind.Redirects),
        ("redirect-to-ftp", FeedErrorKind.Blocked),
        ("redirect-to-link-local", FeedErrorKind.Blocked),
        ("gzip-bomb", FeedErrorKind.TooLarge),
        ("endless-body", FeedErrorKind.TooLarge),
        ("slowloris", FeedErrorKind.Timeout),
        ("no-answer", FeedErrorKind.Timeout),
        ("reset-mid-body", FeedErrorKind.Unreachable),
        ("billion-laughs", FeedErrorKind.Parse),
        ("deep-nesting", FeedErrorKind.Parse),
        ("html-page", FeedErrorKind.Parse),
        ("non-feed-json", FeedErrorKind.Parse),
        ("empty-body", FeedErrorKind.Parse),
        ("truncated", FeedErrorKind.Parse),
        ("rss-without-channel", FeedErrorKind.Parse),
        ("undecodable-charsets", FeedErrorKind.Encoding),
        ("utf8-served-as-shift-jis", null),
        ("hidden-doctype", null),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        int feeds = HttpFetch.Option(args, "--feeds", 200);
        int faultyPercent = HttpFetch.Option(args, "--faulty-percent", 30);
        int hosts = HttpFetch.Option(args, "--hosts", 20);
        int items = HttpFetch.Option(args, "--items", 20);
        int latency = HttpFetch.Option(args, "--latency-ms", 100);
        int timeoutSeconds = HttpFetch.Option(args, "--request-timeout-s", 30);
        int maxFeeds = HttpFetch.Option(args, "--max-concurrent-feeds", 32);

        using var server = HttpFetch.StartChild("fault-serve", "--hosts", $"{hosts}", "--items", $"{items}", "--latency-ms", $"{latency}");
        var ready = await server.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the fault server did not start: " + await server.StandardError.ReadToEndAsync());
        var bases = ready.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        // Faulty feeds at evenly spread positions, their kinds in turn; every other feed is healthy.
        int faulty = (int)Math.Round(feeds * faultyPercent / 100.0);
        var plan = new string[feeds];
        Array.Fill(plan, "healthy");
        for (int f = 0; f < faulty; f++)
        {
            plan[(int)((long)f * feeds / Math.Max(1, faulty))] = Faults[f % Faults.Length].Name;
        }

        var services = new ServiceCollection();
        services.AddNewsPerspectives(o =>
        {
            o.Pipeline.MaxConcurrentFeeds = maxFeeds;
            o.Relevance.Enabled = false; // the synthetic headlines are about no topic; fetching is measured
        }).AddHttpFeeds(o =>
        {
            o.RequestTimeout = TimeSpan.FromSeconds(timeoutSeconds);
            o.AddressFilter = IPAddress.IsLoopback; // the guard stays on; only the benchmark's own server may be reached
        });
        await using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<DigestPipeline>();
        var topic = new TopicDefinition
        {
            Id = "fault-run",
            Name = "Fault run",
            Sides = [new SideDefinition { Id = "a", Name = "A" }],
            Feeds = plan.Select((kind, i) => new FeedDefinition { Kind = FeedKind.Url, Location = $"{bases[i % bases.Length]}/{kind}/{i}.xml", Side = "a" }).ToArray(),
            Limits = new TopicLimits { MaxArticles = 20, MaxAge = TimeSpan.FromDays(3650) },
        };

        var stopwatch = Stopwatch.StartNew();
        var run = await pipeline.RunAsync(topic, new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero));
        stopwatch.Stop();

        var expectedKind = Faults.ToDictionary(f => f.Name, f => f.Expected, StringComparer.Ordinal);
        int healthyFeeds = 0, healthyItems = 0, named = 0, readRight = 0;
        var wrong = new List<string>();
        for (int i = 0; i < feeds; i++)
        {
            var outcome = run.Diagnostics.Feeds[i];
            if (plan[i] == "healthy" || expectedKind[plan[i]] is null)
            {
                bool right = outcome.Status == FeedStatus.Ok && outcome.ItemCount == items;
                if (plan[i] == "healthy")
                {
                    healthyFeeds++;
                    healthyItems += outcome.Status == FeedStatus.Ok ? outcome.ItemCount : 0;
                }
                else
                {
                    readRight += right ? 1 : 0;
                }

                if (!right)
                {
                    wrong.Add($"{plan[i]} #{i}: expected {items} items, got {outcome.Status} {outcome.ItemCount} {outcome.Error}");
                }
            }
            else if (outcome.Error is { } error && error.Kind == expectedKind[plan[i]] && !string.IsNullOrWhiteSpace(error.Reason))
            {
                named++;
            }
            else
            {
                wrong.Add($"{plan[i]} #{i}: expected {expectedKind[plan[i]]}, got {outcome.Status} {outcome.Error}");
            }
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        int failingKinds = Faults.Count(f => f.Expected is not null && plan.Contains(f.Name));
        int validKinds = Faults.Count(f => f.Expected is null && plan.Contains(f.Name));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fault-run: {feeds} feeds over {hosts} loopback host(s), {faulty} faulty ({faultyPercent}%, {failingKinds} failing kinds + {validKinds} hostile-but-valid kinds), {items} items per feed, {latency} ms latency, RequestTimeout {timeoutSeconds} s, MaxConcurrentFeeds {maxFeeds}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  wall time {stopwatch.Elapsed.TotalSeconds:F1} s, peak working set {self.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB, run status {run.Status}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  healthy items found {healthyItems}/{healthyFeeds * items} ({healthyFeeds} healthy feeds); faults named with the expected kind {named}/{faulty - plan.Count(p => p != "healthy" && expectedKind[p] is null)}; hostile-but-valid feeds read right {readRight}/{plan.Count(p => p != "healthy" && expectedKind[p] is null)}"));
        foreach (var group in run.Diagnostics.Feeds.Where(f => f.Error is not null).GroupBy(f => f.Error!.Kind).OrderBy(g => g.Key))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {group.Key}: {group.Count()} (slowest {group.Max(f => f.Elapsed).TotalSeconds:F1} s)"));
        }

        foreach (var line in wrong)
        {
            Console.WriteLine("  NOT AS EXPECTED " + line);
        }

        server.StandardInput.Close();
        if (!server.WaitForExit(5000))
        {
            server.Kill(entireProcessTree: true);
        }

        return wrong.Count == 0 ? 0 : 1;
    }

    /// <summary>The child: <c>/{kind}/{i}.xml</c> on H loopback ports plays the fault (or serves a healthy feed) after the latency.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        int hosts = HttpFetch.Option(args, "--hosts", 20);
        int items = HttpFetch.Option(args, "--items", 20);
        int latency = HttpFetch.Option(args, "--latency-ms", 100);
        var bomb = GzipBomb(64 * 1024 * 1024);
        var (listener, bases) = HttpFetch.ListenOnLoopback(hosts);
        using var disposeListener = listener;
        await HttpFetch.ServeUntilStdinClosesAsync(listener, bases, async context =>
        {
            await Task.Delay(latency);
            var path = context.Request.Url!.AbsolutePath;
            var kind = path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
            await PlayAsync(kind, path, items, bomb, context.Response);
        });
        return 0;
    }

    private static async Task PlayAsync(string kind, string path, int items, byte[] bomb, HttpListenerResponse response)
    {
        switch (kind)
        {
            case "healthy":
                await Send(response, 200, "application/rss+xml; charset=utf-8", Encoding.UTF8.GetBytes(Feed(path, items)));
                break;
            case "not-found-html":
                await Send(response, 404, "text/html; charset=utf-8", "<!doctype html><title>Not found</title><h1>404</h1>"u8.ToArray());
                break;
            case "server-error-with-feed":
                await Send(response, 500, "application/rss+xml", Encoding.UTF8.GetBytes(Feed(path, items)));
                break;
            case "too-many-requests":
                response.AddHeader("Retry-After", "120");
                await Send(response, 429, "text/plain", "slow down"u8.ToArray());
                break;
            case "gone":
                await Send(response, 410, "text/plain", "gone"u8.ToArray());
                break;
            case "redirect-loop":
                await Redirect(response, 302, path);
                break;
            case "redirect-to-ftp":
                await Redirect(response, 301, "ftp://127.0.0.1/feed.xml");
                break;
            case "redirect-to-link-local":
                await Redirect(response, 302, "http://169.254.169.254/latest/meta-data/");
                break;
            case "gzip-bomb":
                response.AddHeader("Content-Encoding", "gzip");
                await Send(response, 200, "application/rss+xml", bomb);
                break;
            case "endless-body":
                response.ContentType = "application/rss+xml";
                response.SendChunked = true;
                var spaces = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
                await response.OutputStream.WriteAsync("<rss version=\"2.0\"><channel><title>x</title>"u8.ToArray());
                while (true)
                {
                    await response.OutputStream.WriteAsync(spaces);
                }

            case "slowloris":
                response.ContentType = "application/rss+xml";
                response.SendChunked = true;
                while (true)
                {
                    await response.OutputStream.WriteAsync("<"u8.ToArray());
                    await response.OutputStream.FlushAsync();
                    await Task.Delay(TimeSpan.FromSeconds(10));
                }

            case "no-answer":
                await Task.Delay(TimeSpan.FromMinutes(10));
                response.Abort();
                break;
            case "reset-mid-body":
                response.StatusCode = 200;
                response.ContentType = "application/rss+xml";
                response.ContentLength64 = 100_000;
                await response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(Feed(path, items)).AsMemory(0, 200));
                await response.OutputStream.FlushAsync();
                response.Abort();
                break;
            case "billion-laughs":
                await Send(response, 200, "application/rss+xml", Encoding.UTF8.GetBytes(BillionLaughs()));
                break;
            case "deep-nesting":
                await Send(response, 200, "application/rss+xml", Encoding.UTF8.GetBytes(
                    "<rss version=\"2.0\"><channel><title>x</title><item><title>" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</title></item></channel></rss>"));
                break;
            case "html-page":
                await Send(response, 200, "text/html; charset=utf-8", "<!doctype html><html><head><title>Welcome</title></head><body><p>Not a feed</p></body></html>"u8.ToArray());
                break;
            case "non-feed-json":
                await Send(response, 200, "application/json", "{\"status\":\"ok\",\"items\":[1,2,3]}"u8.ToArray());
                break;
            case "empty-body":
                await Send(response, 200, "application/rss+xml", []);
                break;
            case "truncated":
                await Send(response, 200, "application/rss+xml", Encoding.UTF8.GetBytes(Feed(path, items))[..300]);
                break;
            case "rss-without-channel":
                await Send(response, 200, "application/rss+xml", "<rss version=\"2.0\"/>"u8.ToArray());
                break;
            case "undecodable-charsets":
                await Send(response, 200, "application/rss+xml; charset=utf-8",
                    [.. "<?xml version=\"1.0\" encoding=\"EUC-JP\"?><rss version=\"2.0\"><channel><title>"u8, 0xFF, 0xFF, 0xFE, .. "</title></channel></rss>"u8]);
                break;
            case "utf8-served-as-shift-jis":
                await Send(response, 200, "application/rss+xml; charset=shift_jis", Encoding.UTF8.GetBytes(Feed(path, items, "Привет, 日本 – Zürich")));
                break;
            case "hidden-doctype":
                var feed = Feed(path, items);
                var hidden = feed.Replace("<rss ", "<!-- <!DOCTYPE x> -->\n<!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ATTLIST item x CDATA \"&a;&a;\">]>\n<rss ", StringComparison.Ordinal);
                await Send(response, 200, "application/rss+xml; charset=utf-8", Encoding.UTF8.GetBytes(hidden));
                break;
            default:
                await Send(response, 404, "text/plain", "unknown fault"u8.ToArray());
                break;
        }
    }

    private static async Task Send(HttpListenerResponse response, int status, string contentType, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    private static Task Redirect(HttpListenerResponse response, int status, string location)
    {
        response.StatusCode = status;
        response.AddHeader("Location", location);
        response.ContentLength64 = 0;
        response.Close();
        return Task.CompletedTask;
    }

    private static string Feed(string path, int items, string? titlePrefix = null)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Fault run feed</title><link>https://fault.example/</link>\n");
        var start = new DateTimeOffset(2026, 1, 12, 3, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < items; i++)
        {
            var link = $"https://fault.example{SecurityElement.Escape(path)}/story-{i}";
            sb.Append(CultureInfo.InvariantCulture,
                $"<item><title>{SecurityElement.Escape(titlePrefix ?? "Story")} {i} of {SecurityElement.Escape(path)}: ministers meet over trade</title><link>{link}</link><guid>{link}</guid><pubDate>{start.AddMinutes(-7 * i):r}</pubDate></item>\n");
        }

        return sb.Append("</channel></rss>\n").ToString();
    }

    private static string BillionLaughs()
    {
        var entities = new StringBuilder("<!ENTITY e0 \"lol\">");
        for (int i = 1; i <= 9; i++)
        {
            entities.Append(CultureInfo.InvariantCulture, $"<!ENTITY e{i} \"{string.Concat(Enumerable.Repeat($"&e{i - 1};", 10))}\">");
        }

        return $"<?xml version=\"1.0\"?><!DOCTYPE rss [{entities}]><rss version=\"2.0\"><channel><title>&e9;</title></channel></rss>";
    }

    private static byte[] GzipBomb(int size)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (int written = 0; written < size; written += zeros.Length)
            {
                gzip.Write(zeros);
            }
        }

        return compressed.ToArray();
    }
}
