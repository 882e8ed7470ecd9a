using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Tests.Sources.Http;

/// <summary>
/// RELIABILITY.md checklist items 1-13 and 22 against a real Kestrel server on 127.0.0.1: each test runs the whole
/// <see cref="DigestPipeline"/> with a healthy feed and the feed under test, and checks both the bad feed's recorded
/// outcome and that the healthy feed's articles still reach the digest.
/// </summary>
[Collection(HttpTestGroup.Name)]
public sealed class HttpFeedIntegrationTests : IAsyncLifetime
{
    private LoopbackFeedServer _server = null!;
    private string _healthy = "";

    public async Task InitializeAsync()
    {
        _server = await LoopbackFeedServer.StartAsync();
        _healthy = _server.MapFeed("/healthy.xml", FeedTexts.HealthyFeed);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    // 1. Error statuses --------------------------------------------------------------------------------------------

    [Fact]
    public async Task Item01_NotFoundHtmlPage_IsHttpStatusErrorWithContentType()
    {
        var run = await RunAsync(_server.BaseUrl + "/missing.xml");
        var bad = AssertHealthyAndGetBad(run);
        Assert.Equal(FeedStatus.Failed, bad.Status);
        Assert.Equal(FeedErrorKind.HttpStatus, bad.Error!.Kind);
        Assert.Equal(404, bad.Error.StatusCode);
        Assert.StartsWith("text/html", bad.Error.ContentType, StringComparison.Ordinal);
        Assert.Equal(_server.BaseUrl + "/missing.xml", bad.Error.Location);
        Assert.Equal(1, _server.Count("/missing.xml")); // 404 is not transient: no retry.
    }

    [Fact]
    public async Task Item01_ServerErrorWithValidFeedBody_IsAnErrorNotSuccess_AfterOneRetry()
    {
        var url = _server.MapBytes("/500.xml", Encoding.UTF8.GetBytes(FeedTexts.Rss("Error page story")), "application/rss+xml", status: 500);
        var run = await RunAsync(url);
        var bad = AssertHealthyAndGetBad(run);
        Assert.Equal(FeedStatus.Failed, bad.Status);
        Assert.Equal(FeedErrorKind.HttpStatus, bad.Error!.Kind);
        Assert.Equal(500, bad.Error.StatusCode);
        Assert.Equal(0, bad.ItemCount);
        Assert.DoesNotContain(run.Digest.Sources, s => s.Article.Title.Contains("Error page", StringComparison.Ordinal));
        Assert.Equal(2, _server.Count("/500.xml")); // one retry, through the resilience handler
    }

    [Fact]
    public async Task Item01_TooManyRequestsWithLongRetryAfter_IsNotRetriedInsideIt()
    {
        var url = _server.MapBytes("/429.xml", Encoding.UTF8.GetBytes("slow down"), "text/plain", 429, r => r.Headers.RetryAfter = "120");
        var run = await RunAsync(url, o => o.RequestTimeout = TimeSpan.FromSeconds(5));
        var bad = AssertHealthyAndGetBad(run);
        Assert.Equal(FeedErrorKind.HttpStatus, bad.Error!.Kind);
        Assert.Equal(429, bad.Error.StatusCode);
        Assert.Contains("Retry-After 120 s", bad.Error.Reason, StringComparison.Ordinal);
        Assert.Contains("not retried", bad.Error.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _server.Count("/429.xml"));
        Assert.True(bad.Elapsed < TimeSpan.FromSeconds(5), $"waited {bad.Elapsed} although Retry-After exceeded the budget");
    }

    [Fact]
    public async Task Item01_ServiceUnavailableWithShortRetryAfter_IsRetriedAfterTheWait()
    {
        int calls = 0;
        var url = _server.Map("/503.xml", async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(FeedTexts.Rss("Recovered story"));
        });
        var stopwatch = Stopwatch.StartNew();
        var run = await RunAsync(url, o => o.RequestTimeout = TimeSpan.FromSeconds(10));
        var bad = AssertHealthyAndGetBad(run);
        Assert.Equal(FeedStatus.Ok, bad.Status);
        Assert.Equal(2, _server.Count("/503.xml"));
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {stopwatch.Elapsed}, before Retry-After");
        Assert.Contains(run.Digest.Sources, s => s.Article.Title == "Recovered story");
    }

    // 2. 304 Not Modified ------------------------------------------------------------------------------------------

    [Fact]
    public async Task Item02_NotModified_KeepsValidatorsAndCachedArticles_RewritesNothing()
    {
        var cacheDir = Directory.CreateTempSubdirectory("np-cache-");
        try
        {
            var cachePath = Path.Combine(cacheDir.FullName, "feeds.json");
            var body = FeedTexts.Rss("Cached story one", "Cached story two");
            var url = _server.Map("/etag.xml", async context =>
            {
                if (context.Request.Headers.IfNoneMatch == "\"v1\"")
                {
                    context.Response.StatusCode = 304;
                    return;
                }

                context.Response.Headers.ETag = "\"v1\"";
                context.Response.Headers.LastModified = "Sun, 11 Jan 2026 10:00:00 GMT";
                context.Response.ContentType = "application/rss+xml; charset=utf-8";
                await context.Response.WriteAsync(body);
            });

            var first = await RunAsync(url, cacheFile: cachePath);
            Assert.Equal(FeedStatus.Ok, AssertHealthyAndGetBad(first).Status);
            var index = await File.ReadAllBytesAsync(cachePath);
            var stamp = File.GetLastWriteTimeUtc(cachePath);

            var second = await RunAsync(url, cacheFile: cachePath);
            var bad = AssertHealthyAndGetBad(second);
            Assert.Equal(FeedStatus.NotModified, bad.Status);
            Assert.Equal(2, bad.ItemCount);
            Assert.Contains(second.Digest.Sources, s => s.Article.Title == "Cached story one");
            var conditional = _server.Requests.Where(r => r.Path == "/etag.xml").Last();
            Assert.Equal("\"v1\"", conditional.Headers["If-None-Match"]);
            Assert.Equal("Sun, 11 Jan 2026 10:00:00 GMT", conditional.Headers["If-Modified-Since"]);
            Assert.Equal(index, await File.ReadAllBytesAsync(cachePath));
            Assert.Equal(stamp, File.GetLastWriteTimeUtc(cachePath));
        }
        finally
        {
            cacheDir.Delete(recursive: true);
        }
    }

    // 3. Redirects -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Item03_RedirectLoop_StopsAfterSixRequests()
    {
        var url = _server.Map("/loop.xml", context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "/loop.xml";
            return Task.CompletedTask;
        });
        var run = await RunAsync(url);
        var bad = AssertHealthyAndGetBad(run);
        Assert.Equal(FeedErrorKind.Redirects, bad.Error!.Kind);
        Assert.Equal(302, bad.Error.StatusCode);
        Assert.Equal(6, _server.Count("/loop.xml"));
    }

    [Fact]
    public async Task Item03_SixRedirectChain_FailsAndFiveRedirectChain_Succeeds()
    {
        for (int i = 0; i < 6; i++)
        {
            int next = i + 1;
            _server.Map($"/hop{i}.xml", context =>
            {
                context.Response.StatusCode = 307;
                context.Response.Headers.Location = $"/hop{next}.xml";
                return Task.CompletedTask;
            });
        }

        _server.MapFeed("/hop6.xml", FeedTexts.Rss("End of the chain"));
        var tooFar = AssertHealthyAndGetBad(await RunAsync(_server.BaseUrl + "/hop0.xml"));
        Assert.Equal(FeedErrorKind.Redirects, tooFar.Error!.Kind);
        Assert.Equal(0, _server.Count("/hop6.xml"));

        var run = await RunAsync(_server.BaseUrl + "/hop1.xml");
        var fine = AssertHealthyAndGetBad(run);
        Assert.Equal(FeedStatus.Ok, fine.Status);
        Assert.Contains(run.Digest.Sources, s => s.Article.Title == "End of the chain");
    }

    [Fact]
    public async Task PermanentRedirect_IsRememberedAndReported_NextRunGoesStraightToTheNewUrl()
    {
        var old = _server.Map("/old.xml", context =>
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = "/new.xml";
            return Task.CompletedTask;
        });
        var target = _server.MapFeed("/new.xml", FeedTexts.Rss("Moved story"));
        var services = Services(null, null);
        await using (services)
        {
            var pipeline = services.GetRequiredService<DigestPipeline>();
            var first = AssertHealthyAndGetBad(await pipeline.RunAsync(FeedTexts.Topic(_healthy, old), FeedTexts.AsOf));
            Assert.Equal(FeedStatus.Ok, first.Status);
            Assert.Equal(target, first.MovedTo);
            var secondRun = await pipeline.RunAsync(FeedTexts.Topic(_healthy, old), FeedTexts.AsOf);
            var second = AssertHealthyAndGetBad(secondRun);
            Assert.Equal(target, second.MovedTo);
            Assert.Contains(secondRun.Digest.Sources, s => s.Article.Title == "Moved story");
        }

        Assert.Equal(1, _server.Count("/old.xml"));
        Assert.Equal(2, _server.Count("/new.xml"));
    }

    [Fact]
    public async Task Gone_IsReportedAsGone()
    {
        var url = _server.MapBytes("/gone.xml", [], "text/plain", 410);
        var bad = AssertHealthyAndGetBad(await RunAsync(url));
        Assert.Equal(FeedStatus.Gone, bad.Status);
        Assert.Equal(FeedErrorKind.Gone, bad.Error!.Kind);
        Assert.Equal(410, bad.Error.StatusCode);
    }

    // 4. Private-address guard -------------------------------------------------------------------------------------

    [Fact]
    public async Task Item04_GuardOn_LoopbackFeedIsBlockedBeforeConnecting()
    {
        var file = Path.Combine(TestPaths.TestData, "feeds", "healthy.xml");
        var blocked = _server.MapFeed("/private.xml", FeedTexts.Rss("Should never be read"));
        var topic = FeedTexts.Topic(file, blocked, FeedKind.File);
        var run = await RunTopicAsync(topic, o => o.BlockPrivateAddresses = true);
        var bad = AssertHealthyAndGetBad(run);
        Assert.Equal(FeedErrorKind.Blocked, bad.Error!.Kind);
        Assert.Contains("127.0.0.1", bad.Error.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _server.Count("/private.xml"));
    }

    [Fact]
    public async Task Item04_GuardOn_RedirectToPrivateAddressIsBlocked()
    {
        var url = _server.Map("/to-metadata.xml", context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = "http://169.254.169.254/latest/meta-data/";
            return Task.CompletedTask;
        });
        var stopwatch = Stopwatch.StartNew();
        var run = await RunAsync(url, o =>
        {
            o.BlockPrivateAddresses = true;
            o.AddressFilter = address => address.Equals(IPAddress.Loopback) || PrivateAddressGuard.IsPublicAddress(address);
            o.RequestTimeout = TimeSpan.FromSeconds(20);
        });
        var bad = AssertHealthyAndGetBad(run);
        Assert.Equal(FeedErrorKind.Blocked, bad.Error!.Kind);
        Assert.Contains("169.254.169.254", bad.Error.Reason, StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(15), "the guard should refuse at once, not wait for a connection");
    }

    // 5. Schemes ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/feed.xml")]
    [InlineData("javascript:alert(1)")]
    [InlineData("example.com/feed.xml")]
    [InlineData("//example.com/feed.xml")]
    public void Item05_NonHttpFeedUrls_AreRejectedAtConfig(string url)
    {
        var yaml = $"""
            topics:
              - id: t
                name: T
                sides: [{"{"} id: a, name: A {"}"}]
                feeds:
                  - url: "{url}"
                    side: a
            """;
        var ex = Assert.Throws<ConfigurationException>(() => TopicConfigurationLoader.Load(yaml));
        Assert.Contains("http", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item05_RedirectToFtp_IsBlocked()
    {
        var url = _server.Map("/to-ftp.xml", context =>
        {
            context.Response.StatusCode = 301;
            context.Response.Headers.Location = "ftp://127.0.0.1/feed.xml";
            return Task.CompletedTask;
        });
        var bad = AssertHealthyAndGetBad(await RunAsync(url));
        Assert.Equal(FeedErrorKind.Blocked, bad.Error!.Kind);
        Assert.Null(bad.MovedTo);
    }

    // 6. Size -----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Item06_GzipBomb_StopsAtTheDecompressedCap_WithBoundedMemory()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (int i = 0; i < 256; i++)
            {
                gzip.Write(zeros); // 256 MiB of zeros, ~256 KiB on the wire.
            }
        }

        var url = _server.MapBytes("/bomb.xml", compressed.ToArray(), "application/rss+xml", headers: r => r.Headers.ContentEncoding = "gzip");
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var run = await RunAsync(url, o => o.MaxResponseBytes = 1024 * 1024);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var bad = AssertHealthyAndGetBad(run);
        Assert.Equal(FeedErrorKind.TooLarge, bad.Error!.Kind);
        Assert.Contains("after decompression", bad.Error.Reason, StringComparison.Ordinal);
        Assert.True(allocated < 128L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MiB while refusing a 256 MiB bomb");
    }

    [Fact]
    public async Task Item06_EndlessChunkedBody_StopsAtTheCap()
    {
        var url = _server.Map("/endless.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel><title>x</title>", context.RequestAborted);
            var chunk = Encoding.UTF8.GetBytes(new string(' ', 16 * 1024));
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        var bad = AssertHealthyAndGetBad(await RunAsync(url, o => o.MaxResponseBytes = 512 * 1024));
        Assert.Equal(FeedErrorKind.TooLarge, bad.Error!.Kind);
    }

    // 7. Slowloris and cancellation -------------------------------------------------------------------------------

    [Fact]
    public async Task Item07_Slowloris_TimesOut()
    {
        var url = _server.Map("/slow.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
                await context.Response.WriteAsync("r", context.RequestAborted);
            }
        });
        var bad = AssertHealthyAndGetBad(await RunAsync(url, o => o.RequestTimeout = TimeSpan.FromSeconds(1)));
        Assert.Equal(FeedErrorKind.Timeout, bad.Error!.Kind);
        Assert.True(bad.Elapsed < TimeSpan.FromSeconds(8), $"took {bad.Elapsed}");
    }

    [Fact]
    public async Task Item07_CallerCancellation_IsHonouredDuringASlowRead()
    {
        var url = _server.Map("/slow-cancel.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        await using var services = Services(o => o.RequestTimeout = TimeSpan.FromSeconds(60), null);
        var pipeline = services.GetRequiredService<DigestPipeline>();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.RunAsync(FeedTexts.Topic(_healthy, url), FeedTexts.AsOf, cts.Token));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"cancellation took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task RunDeadline_EndsAFeedThatIsStillReading_AndTheRunGoesOn()
    {
        var url = _server.Map("/forever.xml", context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        var run = await RunAsync(url, o => o.RequestTimeout = TimeSpan.FromSeconds(60), pipeline: p => p.FeedsDeadline = TimeSpan.FromSeconds(1));
        var bad = AssertHealthyAndGetBad(run);
        Assert.Equal(FeedErrorKind.Timeout, bad.Error!.Kind);
        Assert.Contains("deadline", bad.Error.Reason, StringComparison.Ordinal);
    }

    // 8-11. Hostile and broken documents ---------------------------------------------------------------------------

    [Fact]
    public async Task Item08_BillionLaughs_IsAFastParseError()
    {
        var doc = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
              <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
            ]>
            <rss version="2.0"><channel><title>lol</title><item><title>&i;</title><link>https://x.example/1</link></item></channel></rss>
            """;
        var bad = AssertHealthyAndGetBad(await RunAsync(_server.MapFeed("/lol.xml", doc)));
        Assert.Equal(FeedErrorKind.Parse, bad.Error!.Kind);
        Assert.Equal(200, bad.Error.StatusCode);

        var stopwatch = Stopwatch.StartNew();
        var direct = FeedDocumentParser.Parse(Encoding.UTF8.GetBytes(doc), "lol.xml");
        stopwatch.Stop();
        Assert.Equal(FeedErrorKind.Parse, direct.Error!.Kind);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"parse took {stopwatch.Elapsed} (FeedReader alone needs ~1.2 s)");
    }

    [Fact]
    public async Task Item08_ExternalEntitiesAndDtds_AreNeverFetched()
    {
        var external = _server.MapFeed("/secret.txt", "SECRET-FROM-NETWORK", "text/plain");
        var dtd = _server.MapFeed("/rss.dtd", "<!ENTITY copy \"(c)\">", "application/xml-dtd");
        var xxe = $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY net SYSTEM "{external}"><!ENTITY file SYSTEM "file:///etc/hostname">]>
            <rss version="2.0"><channel><title>x</title><item><title>Leak &net; &file;</title><link>https://x.example/1</link></item></channel></rss>
            """;
        var rss091 = $"""
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "{dtd}">
            <rss version="0.91"><channel><title>Old feed</title><link>https://old.example/</link><description>d</description><language>en</language>
            <item><title>Story from an RSS 0.91 feed</title><link>https://old.example/1</link></item></channel></rss>
            """;
        var xxeUrl = _server.MapFeed("/xxe.xml", xxe);
        var oldUrl = _server.MapFeed("/rss091.xml", rss091);
        var topic = FeedTexts.Topic([(FeedKind.Url, _healthy, "good"), (FeedKind.Url, xxeUrl, "bad"), (FeedKind.Url, oldUrl, "bad")]);
        var run = await RunTopicAsync(topic);
        AssertHealthy(run);
        Assert.Equal(FeedErrorKind.Parse, run.Diagnostics.Feeds[1].Error!.Kind);
        Assert.Equal(FeedStatus.Ok, run.Diagnostics.Feeds[2].Status);
        Assert.Equal(1, run.Diagnostics.Feeds[2].ItemCount);
        Assert.Equal(0, _server.Count("/secret.txt"));
        Assert.Equal(0, _server.Count("/rss.dtd"));
        Assert.DoesNotContain(run.Digest.Sources, s => s.Article.Title.Contains("SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Item09_HundredThousandDeepNesting_IsAFastDepthError()
    {
        var doc = "<rss version=\"2.0\"><channel><title>x</title><item><title>"
            + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000))
            + "</title></item></channel></rss>";
        var bad = AssertHealthyAndGetBad(await RunAsync(_server.MapFeed("/deep.xml", doc)));
        Assert.Equal(FeedErrorKind.Parse, bad.Error!.Kind);
        Assert.Contains("nested deeper", bad.Error.Reason, StringComparison.Ordinal);
        Assert.True(bad.Elapsed < TimeSpan.FromSeconds(5), $"took {bad.Elapsed} (FeedReader alone needs ~48 s)");
    }

    [Theory]
    [InlineData("html", "<!doctype html><html><head><title>Welcome</title></head><body><p>Not a feed</p></body></html>", "text/html; charset=utf-8")]
    [InlineData("json", "{\"status\":\"ok\",\"items\":[1,2,3]}", "application/json")]
    [InlineData("empty", "", "application/rss+xml")]
    [InlineData("truncated", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut</title><item><title>Half", "application/rss+xml")]
    [InlineData("rss-without-channel", "<rss version=\"2.0\"/>", "application/rss+xml")]
    public async Task Item10_11_NonFeedBodies_AreTypedParseErrors(string name, string body, string contentType)
    {
        var url = _server.MapBytes($"/{name}", Encoding.UTF8.GetBytes(body), contentType);
        var bad = AssertHealthyAndGetBad(await RunAsync(url));
        Assert.Equal(FeedStatus.Failed, bad.Status);
        Assert.Equal(FeedErrorKind.Parse, bad.Error!.Kind);
        Assert.Equal(200, bad.Error.StatusCode);
        Assert.Equal(contentType, bad.Error.ContentType);
        Assert.Equal(url, bad.Error.Location);
        Assert.DoesNotContain("NullReferenceException", bad.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item11_EmptyChannel_IsSuccessWithZeroItems()
    {
        var url = _server.MapFeed("/empty-channel.xml", "<rss version=\"2.0\"><channel><title>Nothing today</title></channel></rss>");
        var bad = AssertHealthyAndGetBad(await RunAsync(url));
        Assert.Equal(FeedStatus.Ok, bad.Status);
        Assert.Equal(0, bad.ItemCount);
        Assert.Null(bad.Error);
    }

    // 12. Encodings ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Item12_Encodings_FromBomHeaderAndDeclaration_GiveTheRightText()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        static byte[] Encode(Encoding encoding, string xml, bool bom = false) => [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(xml)];
        string Doc(string title, string? declared = null) =>
            (declared is null ? "" : $"<?xml version=\"1.0\" encoding=\"{declared}\"?>")
            + $"<rss version=\"2.0\"><channel><title>enc</title><item><title>{title}</title><link>https://enc.example/{Guid.NewGuid():N}</link><pubDate>Sun, 11 Jan 2026 10:00:00 GMT</pubDate></item></channel></rss>";

        var cases = new (string Path, string Title, byte[] Body, string ContentType)[]
        {
            ("/utf16.xml", "Ünïcödé sixteen “quotes”", Encode(Encoding.Unicode, Doc("Ünïcödé sixteen “quotes”", "utf-16"), bom: true), "application/xml"),
            ("/cp1252.xml", "Café “quoted” costs €5", Encode(Encoding.GetEncoding(1252), Doc("Café “quoted” costs €5")), "text/xml; charset=windows-1252"),
            ("/sjis.xml", "日本語のニュース見出し", Encode(Encoding.GetEncoding("shift_jis"), Doc("日本語のニュース見出し", "Shift_JIS")), "application/rss+xml"),
            ("/gb2312.xml", "中文新闻标题", Encode(Encoding.GetEncoding("GB2312"), Doc("中文新闻标题")), "application/rss+xml; charset=gb2312"),
            ("/latin1-as-utf8.xml", "Ça va très bien", Encode(Encoding.Latin1, Doc("Ça va très bien", "utf-8")), "application/rss+xml; charset=utf-8"),
            ("/header-wins.xml", "Zürich über alles", Encode(Encoding.UTF8, Doc("Zürich über alles", "ISO-8859-1")), "application/rss+xml; charset=utf-8"),
            ("/header-lies.xml", "Genève et Zürich", Encode(Encoding.UTF8, Doc("Genève et Zürich", "utf-8")), "application/rss+xml; charset=iso-8859-1"),
        };
        var feeds = new List<(FeedKind, string, string)> { (FeedKind.Url, _healthy, "good") };
        foreach (var c in cases)
        {
            feeds.Add((FeedKind.Url, _server.MapBytes(c.Path, c.Body, c.ContentType), "bad"));
        }

        var run = await RunTopicAsync(FeedTexts.Topic(feeds));
        AssertHealthy(run);
        var titles = run.Digest.Sources.Select(s => s.Article.Title).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < cases.Length; i++)
        {
            var outcome = run.Diagnostics.Feeds[i + 1];
            Assert.True(outcome.Status == FeedStatus.Ok, $"{cases[i].Path}: {outcome.Error}");
            Assert.True(titles.Contains(cases[i].Title), $"{cases[i].Path}: expected '{cases[i].Title}' among {string.Join(" | ", titles)}");
        }
    }

    // 13. One bad item among good ones ----------------------------------------------------------------------------

    [Fact]
    public async Task Item13_BadItemsAmongGoodOnes_GoodOnesKept_BadOnesReported()
    {
        var extra = """
            <item><title>Script link</title><link>javascript:alert(1)</link><pubDate>Sun, 11 Jan 2026 10:00:00 GMT</pubDate></item>
            <item><title></title><link>https://mixed.example/untitled</link><pubDate>Sun, 11 Jan 2026 10:00:00 GMT</pubDate></item>
            <item><title>Undated story</title><link>https://mixed.example/undated</link><pubDate>the day after tomorrow</pubDate></item>
            """;
        var doc = FeedTexts.Rss([("Good mixed one", "https://mixed.example/1"), ("Good mixed two", "https://mixed.example/2")], extra);
        var run = await RunAsync(_server.MapFeed("/mixed.xml", doc));
        var bad = AssertHealthyAndGetBad(run);
        Assert.Equal(FeedStatus.Ok, bad.Status);
        Assert.Equal(5, bad.ItemCount);
        Assert.Contains(run.Digest.Sources, s => s.Article.Title == "Good mixed one");
        Assert.Contains(run.Digest.Sources, s => s.Article.Title == "Good mixed two");
        var dropped = run.Diagnostics.Dropped.Where(d => d.Feed.Side == "bad").Select(d => d.Reason).Order().ToArray();
        Assert.Equal([DropReason.InvalidLink, DropReason.MissingTitle, DropReason.InvalidDate], dropped);
    }

    // 22. Per-host limit and one cache per run --------------------------------------------------------------------

    [Fact]
    public async Task Item22_FiftyFeedsOnOneHost_RespectThePerHostLimit()
    {
        await using var slow = await LoopbackFeedServer.StartAsync(latency: TimeSpan.FromMilliseconds(40));
        var feeds = new List<(FeedKind, string, string)>();
        for (int i = 0; i < 50; i++)
        {
            feeds.Add((FeedKind.Url, slow.MapFeed($"/f{i}.xml", FeedTexts.Rss($"Story {i} of fifty")), "good"));
        }

        var run = await RunTopicAsync(FeedTexts.Topic(feeds), pipeline: p => p.MaxConcurrentFeeds = 50);
        Assert.All(run.Diagnostics.Feeds, f => Assert.Equal(FeedStatus.Ok, f.Status));
        Assert.Equal(50, run.Digest.Sources.Count);
        Assert.Equal(50, slow.Requests.Count);
        Assert.Equal(2, slow.MaxInFlight);
    }

    [Fact]
    public void Item22_TwoRunsOnOneCache_TheSecondGetsAClearError()
    {
        var dir = Directory.CreateTempSubdirectory("np-lock-");
        try
        {
            var path = Path.Combine(dir.FullName, "feeds.json");
            using var first = new FileFeedValidatorCache(path);
            var ex = Assert.Throws<NewsPerspectivesException>(() => new FileFeedValidatorCache(path));
            Assert.Contains("in use by another run", ex.Message, StringComparison.Ordinal);
            first.Dispose();
            using var afterwards = new FileFeedValidatorCache(path);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task GoogleNewsFeeds_AreBuiltFromTheConfiguredBaseUrl_AndFetched()
    {
        var search = _server.Map("/rss/search", async context =>
        {
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(FeedTexts.Rss([("Tokyo and Beijing resume talks - Kyodo News", "https://news.google.com/rss/articles/CBMiabc?oc=5")],
                null));
        });
        var yaml = $$"""
            settings:
              googleNewsBaseUrl: "{{search}}"
            topics:
              - id: china-japan
                name: China vs Japan
                sides: [{ id: japan, name: Japan }]
                feeds:
                  - googleNews: 'Japan China "East China Sea"'
                    language: en
                    region: US
                    side: japan
            """;
        var topic = TopicConfigurationLoader.Load(yaml).Topics[0];
        var run = await RunTopicAsync(topic);

        var outcome = Assert.Single(run.Diagnostics.Feeds);
        Assert.Equal(FeedStatus.Ok, outcome.Status);
        var request = Assert.Single(_server.Requests, r => r.Path.StartsWith("/rss/search", StringComparison.Ordinal));
        Assert.Equal("/rss/search?q=Japan%20China%20%22East%20China%20Sea%22&hl=en-US&gl=US&ceid=US:en", request.Path);
        var source = Assert.Single(run.Digest.Sources);
        Assert.Equal("Tokyo and Beijing resume talks", source.Article.Title);
    }

    [Fact]
    public async Task PermanentMove_IsWrittenToTheJsonDigest()
    {
        var old = _server.Map("/json-old.xml", context =>
        {
            context.Response.StatusCode = 308;
            context.Response.Headers.Location = "/json-new.xml";
            return Task.CompletedTask;
        });
        var target = _server.MapFeed("/json-new.xml", FeedTexts.Rss("Moved for JSON"));
        var run = await RunAsync(old);
        using var json = new MemoryStream();
        await new JsonDigestWriter(new JsonDigestWriterOptions { IncludeTimings = true }).WriteAsync(run, json);
        var text = Encoding.UTF8.GetString(json.ToArray());
        Assert.Contains($"\"movedTo\": \"{target}\"", text, StringComparison.Ordinal);
        Assert.Contains("\"elapsedMs\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Item22_TwoRunsOnOneOutputFolder_TheSecondGetsAClearError()
    {
        var dir = Directory.CreateTempSubdirectory("np-out-");
        try
        {
            using (var first = OutputFolderLock.Acquire(dir.FullName))
            {
                Assert.True(File.Exists(first.LockFile));
                var ex = Assert.Throws<NewsPerspectivesException>(() => OutputFolderLock.Acquire(dir.FullName));
                Assert.Contains("another run is writing to", ex.Message, StringComparison.Ordinal);
            }

            using var again = OutputFolderLock.Acquire(dir.FullName);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // Harness ------------------------------------------------------------------------------------------------------

    private Task<DigestRun> RunAsync(string badUrl, Action<HttpFeedOptions>? configure = null, string? cacheFile = null, Action<DigestPipelineOptions>? pipeline = null) =>
        RunTopicAsync(FeedTexts.Topic(_healthy, badUrl), configure, cacheFile, pipeline);

    private static async Task<DigestRun> RunTopicAsync(TopicDefinition topic, Action<HttpFeedOptions>? configure = null, string? cacheFile = null, Action<DigestPipelineOptions>? pipeline = null)
    {
        await using var services = Services(configure, cacheFile, pipeline);
        return await services.GetRequiredService<DigestPipeline>().RunAsync(topic, FeedTexts.AsOf);
    }

    internal static ServiceProvider Services(Action<HttpFeedOptions>? configure, string? cacheFile, Action<DigestPipelineOptions>? pipeline = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddNewsPerspectives(o =>
        {
            o.Pipeline.MaxConcurrentFeeds = 8;
            o.Relevance.Enabled = false; // fetching is under test; the fixture headlines are not about a topic
            o.NearDuplicates.Enabled = false; // ... and many of them are deliberately alike
            pipeline?.Invoke(o.Pipeline);
        });
        builder.AddHttpFeeds(o =>
        {
            o.BlockPrivateAddresses = false; // the explicit opt-out: every feed here is served from 127.0.0.1
            o.RequestTimeout = TimeSpan.FromSeconds(10);
            o.RetryDelay = TimeSpan.FromMilliseconds(20);
            o.MaxResponseBytes = 2 * 1024 * 1024;
            configure?.Invoke(o);
        });
        if (cacheFile is not null)
        {
            builder.UseFeedCacheFile(cacheFile);
        }

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private static void AssertHealthy(DigestRun run)
    {
        var healthy = run.Diagnostics.Feeds[0];
        Assert.True(healthy.Status == FeedStatus.Ok, $"healthy feed: {healthy.Error}");
        Assert.Equal(FeedTexts.HealthyTitles.Length, healthy.ItemCount);
        var titles = run.Digest.Sources.Where(s => s.SideId == "good").Select(s => s.Article.Title).ToArray();
        Assert.All(FeedTexts.HealthyTitles, t => Assert.Contains(t, titles));
    }

    private static FeedOutcome AssertHealthyAndGetBad(DigestRun run)
    {
        AssertHealthy(run);
        Assert.Equal(2, run.Diagnostics.Feeds.Count);
        return run.Diagnostics.Feeds[1];
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HttpTestGroup
{
    public const string Name = "HTTP and corpus";
}
