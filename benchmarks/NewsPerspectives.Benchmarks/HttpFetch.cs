using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Benchmarks;

/// <summary>
/// <c>http-fetch</c>: N feeds served from loopback by a child process (so the server's memory is not counted) with
/// added latency, read through the whole pipeline with <c>AddHttpFeeds()</c> defaults (the private-address guard opted out); reports wall time, peak
/// working set and allocations. <c>http-serve</c> is the child.
/// </summary>
/// <remarks>
/// <c>http-fetch [--feeds 200] [--latency-ms 100] [--hosts 1] [--items 50] [--max-concurrent-feeds N]</c>. With
/// <c>--hosts H</c> the feeds are spread over H loopback ports, which the per-host limit counts as H hosts.
/// </remarks>
internal static class HttpFetch
{
    public static async Task<int> RunAsync(string[] args)
    {
        int feeds = Option(args, "--feeds", 200);
        int latency = Option(args, "--latency-ms", 100);
        int hosts = Option(args, "--hosts", 1);
        int items = Option(args, "--items", 50);
        int? maxFeeds = args.Contains("--max-concurrent-feeds") ? Option(args, "--max-concurrent-feeds", 4) : null;

        using var server = StartChild("http-serve", "--hosts", $"{hosts}", "--latency-ms", $"{latency}", "--items", $"{items}");
        var ready = await server.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the feed server did not start: " + await server.StandardError.ReadToEndAsync());
        var bases = ready.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var services = new ServiceCollection();
        services.AddNewsPerspectives(o =>
        {
            if (maxFeeds is int m)
            {
                o.Pipeline.MaxConcurrentFeeds = m;
            }
        }).AddHttpFeeds(o => o.BlockPrivateAddresses = false); // the guard's opt-out: the feeds are on 127.0.0.1
        await using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<DigestPipeline>();

        TopicDefinition Topic(string run) => new()
        {
            Id = "http-fetch",
            Name = "HTTP fetch benchmark",
            Sides = [new SideDefinition { Id = "a", Name = "A" }],
            Feeds = Enumerable.Range(0, feeds).Select(i => new FeedDefinition
            {
                Kind = FeedKind.Url,
                Location = $"{bases[i % bases.Length]}/{run}/{i}.xml",
                Side = "a",
            }).ToArray(),
            Limits = new TopicLimits { MaxArticles = 20, MaxAge = TimeSpan.FromDays(3650) },
        };

        var results = new List<string>();
        foreach (var run in new[] { "cold", "warm" })
        {
            long allocated = GC.GetTotalAllocatedBytes(true);
            var stopwatch = Stopwatch.StartNew();
            var result = await pipeline.RunAsync(Topic(run), new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero));
            stopwatch.Stop();
            allocated = GC.GetTotalAllocatedBytes(true) - allocated;
            int ok = result.Diagnostics.Feeds.Count(f => f.Status == FeedStatus.Ok);
            var slowest = result.Diagnostics.Feeds.Max(f => f.Elapsed);
            var failures = result.Diagnostics.Feeds.Where(f => f.Error is not null).Select(f => f.Error!.ToString()).Distinct().Take(3);
            results.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {run}: {stopwatch.Elapsed.TotalSeconds:F2} s wall, {ok}/{feeds} feeds ok, {result.Diagnostics.ArticlesRead} articles read, slowest feed {slowest.TotalMilliseconds:F0} ms, {allocated / 1024.0 / 1024.0:F1} MiB allocated {string.Join("; ", failures)}"));
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"http-fetch: {feeds} feeds x {items} items over {hosts} loopback host(s), {latency} ms added latency, MaxConcurrentFeeds {maxFeeds?.ToString(CultureInfo.InvariantCulture) ?? "default (4)"}, other settings default"));
        foreach (var line in results)
        {
            Console.WriteLine(line);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  peak working set {self.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB, GC heap {gc.HeapSizeBytes / 1024.0 / 1024.0:F1} MiB after the runs, {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} gen0/1/2 collections"));

        server.StandardInput.Close();
        if (!server.WaitForExit(5000))
        {
            server.Kill();
        }

        return 0;
    }

    /// <summary>The child: serves <c>/{run}/{i}.xml</c> on H loopback ports after the latency; prints the base URLs, stops when stdin closes.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        int hosts = Option(args, "--hosts", 1);
        int latency = Option(args, "--latency-ms", 100);
        int items = Option(args, "--items", 50);
        var (listener, bases) = ListenOnLoopback(hosts);
        using var disposeListener = listener;
        await ServeUntilStdinClosesAsync(listener, bases, async context =>
        {
            await Task.Delay(latency);
            var body = Encoding.UTF8.GetBytes(Feed(context.Request.Url!.AbsolutePath, items));
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            context.Response.ContentLength64 = body.Length;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        });
        return 0;
    }

    /// <summary>
    /// Prints the base URLs (the parent's "ready" line), then hands each request to <paramref name="handle"/> on its
    /// own task until standard input closes; a client that went away ends its handler quietly.
    /// </summary>
    internal static async Task ServeUntilStdinClosesAsync(HttpListener listener, IEnumerable<string> bases, Func<HttpListenerContext, Task> handle)
    {
        Console.WriteLine(string.Join(' ', bases));
        Console.Out.Flush();
        var stop = Task.Run(() => Console.In.ReadToEnd());
        while (!stop.IsCompleted)
        {
            var next = listener.GetContextAsync();
            if (await Task.WhenAny(next, stop) == stop)
            {
                break;
            }

            var context = await next;
            _ = Task.Run(async () =>
            {
                try
                {
                    await handle(context);
                }
                catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
                {
                    // The client went away (a timeout, a size cap): expected.
                }
            });
        }

        listener.Stop();
    }

    /// <summary>An <see cref="HttpListener"/> started on <paramref name="hosts"/> free 127.0.0.1 ports, and their base URLs.</summary>
    internal static (HttpListener Listener, List<string> Bases) ListenOnLoopback(int hosts)
    {
        var listener = new HttpListener();
        var bases = new List<string>();
        for (int i = 0; i < hosts; i++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            bases.Add($"http://127.0.0.1:{port}");
        }

        listener.Start();
        return (listener, bases);
    }

    private static string Feed(string path, int items)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Benchmark feed</title><link>https://bench.example/</link>\n");
        var start = new DateTimeOffset(2026, 1, 12, 3, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < items; i++)
        {
            var link = $"https://bench.example{SecurityElement.Escape(path)}/story-{i}";
            sb.Append(CultureInfo.InvariantCulture,
                $"<item><title>Story {i} of feed {SecurityElement.Escape(path)}: ministers meet over trade, ports and energy - Bench News</title><link>{link}</link><guid>{link}</guid><pubDate>{start.AddMinutes(-7 * i):r}</pubDate><description>&lt;p&gt;Officials from both sides met on day {i} to discuss tariffs, shipping lanes and energy supplies; a joint statement is expected.&lt;/p&gt;</description><source url=\"https://bench.example\">Bench News</source></item>\n");
        }

        return sb.Append("</channel></rss>\n").ToString();
    }

    /// <summary>Starts this benchmark program as a child running <paramref name="arguments"/> (a server command), with its standard streams redirected.</summary>
    internal static Process StartChild(params string[] arguments)
    {
        var host = Environment.ProcessPath!;
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add(typeof(HttpFetch).Assembly.Location);
        }

        foreach (var arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start the feed server");
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
