using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NewsPerspectives;

/// <summary>
/// Reads <see cref="FeedKind.Url"/> and <see cref="FeedKind.GoogleNews"/> feeds over an injected <see cref="HttpClient"/>
/// (register it with <c>AddHttpFeeds</c>, which makes it a typed client of <c>IHttpClientFactory</c> with the
/// resilience handler and, optionally, the private-address guard).
/// </summary>
/// <remarks>
/// <para>
/// Limits: a per-feed timeout covering redirects, retries, headers and body while requests are in flight (a wait
/// for a slot is not counted: the caller's token, i.e. the topic's deadline, bounds it); a cap on the decompressed body counted
/// while reading; redirects followed one by one up to <see cref="HttpFeedOptions.MaxRedirects"/>, http(s) only; at most
/// <see cref="HttpFeedOptions.MaxConcurrentRequestsPerHost"/> requests per authority and
/// <see cref="HttpFeedOptions.MaxConcurrentRequests"/> overall.
/// </para>
/// <para>
/// Politeness: conditional GETs from the <see cref="IFeedValidatorCache"/> (a 304 yields the cached body's items with
/// <see cref="FeedStatus.NotModified"/>); 301/308 remembered and reported in <see cref="FeedReadResult.MovedTo"/>;
/// 410 reported as <see cref="FeedStatus.Gone"/>; a <c>Retry-After</c> longer than the time left is not waited for.
/// </para>
/// <para>Every failure is a <see cref="FeedError"/> carrying the URL, the status and the content type; only cancellation of the caller's token throws.</para>
/// </remarks>
public sealed class HttpFeedSource : IFeedSource, IDisposable
{
    /// <summary>The request option carrying the feed's deadline, read by the retry strategy to skip retries that could not finish in time.</summary>
    internal static readonly HttpRequestOptionsKey<DateTimeOffset> DeadlineKey = new("NewsPerspectives.FeedDeadline");

    private const string Accept = "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1";

    private readonly HttpClient _httpClient;
    private readonly HttpFeedOptions _options;
    private readonly IFeedValidatorCache _cache;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _global;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the source.</summary>
    /// <param name="httpClient">The client; its handler decides decompression, proxies and the private-address guard (see <c>AddHttpFeeds</c>).</param>
    /// <param name="options">Limits and politeness; defaults when <see langword="null"/>.</param>
    /// <param name="cache">Validators and permanent redirects; a new <see cref="InMemoryFeedValidatorCache"/> when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for timeouts and <c>Retry-After</c> dates; the system clock when <see langword="null"/>.</param>
    /// <param name="logger">Logger; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="httpClient"/> is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public HttpFeedSource(
        HttpClient httpClient,
        HttpFeedOptions? options = null,
        IFeedValidatorCache? cache = null,
        TimeProvider? timeProvider = null,
        ILogger<HttpFeedSource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _options = options ?? new HttpFeedOptions();
        _options.Validate();
        _httpClient = httpClient;
        _cache = cache ?? new InMemoryFeedValidatorCache();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _global = new SemaphoreSlim(_options.MaxConcurrentRequests);
    }

    /// <inheritdoc/>
    public bool CanRead(FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return feed.Kind is FeedKind.Url or FeedKind.GoogleNews;
    }

    /// <inheritdoc/>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<FeedReadResult> ReadAsync(FeedDefinition feed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var configured = feed.Location.Trim();
        if (!TryHttpUri(configured, out var configuredUri))
        {
            return Fail(FeedErrorKind.Blocked, configured, "not an absolute http or https URL");
        }

        var start = _timeProvider.GetTimestamp();
        using var clock = new RequestClock(_options.RequestTimeout, _timeProvider, cancellationToken);
        var current = configuredUri;
        try
        {
            string? movedTo = null;
            if (await _cache.GetPermanentRedirectAsync(configuredUri.AbsoluteUri, cancellationToken).ConfigureAwait(false) is { } remembered
                && TryHttpUri(remembered, out var rememberedUri))
            {
                current = rememberedUri;
                movedTo = rememberedUri.AbsoluteUri;
            }

            var cached = await _cache.GetAsync(current.AbsoluteUri, cancellationToken).ConfigureAwait(false);
            var result = await FetchAsync(configuredUri, current, cached, clock, movedTo).ConfigureAwait(false);
            _logger.FeedFetched(configuredUri.AbsoluteUri, result.Status, result.Items.Count,
                (long)_timeProvider.GetElapsedTime(start).TotalMilliseconds, result.Error is null ? "" : $" ({result.Error.Reason})");
            return result;
        }
        catch (OperationCanceledException) when (clock.TimedOut && !cancellationToken.IsCancellationRequested)
        {
            return Fail(FeedErrorKind.Timeout, current.AbsoluteUri,
                string.Create(CultureInfo.InvariantCulture, $"no complete answer within the {_options.RequestTimeout.TotalSeconds:0.###} s request timeout"));
        }
    }

    /// <summary>Disposes the concurrency gates (not the <see cref="HttpClient"/>, which belongs to the caller or the factory).</summary>
    public void Dispose()
    {
        _global.Dispose();
        foreach (var gate in _hosts.Values)
        {
            gate.Dispose();
        }
    }

    private async Task<FeedReadResult> FetchAsync(Uri configured, Uri start, CachedFeedResponse? cached, RequestClock clock, string? movedTo)
    {
        var current = start;
        bool permanentSoFar = true;
        string? learned = null;
        for (int hop = 0; ; hop++)
        {
            var host = _hosts.GetOrAdd(current.GetLeftPart(UriPartial.Authority), _ => new SemaphoreSlim(_options.MaxConcurrentRequestsPerHost));
            await host.WaitAsync(clock.WaitToken).ConfigureAwait(false);
            try
            {
                await _global.WaitAsync(clock.WaitToken).ConfigureAwait(false);
                try
                {
                    var (deadline, token) = clock.Start();
                    using var request = new HttpRequestMessage(HttpMethod.Get, current);
                    PrepareRequest(request, cached, deadline);
                    HttpResponseMessage response;
                    try
                    {
                        response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                    }
                    catch (HttpRequestException ex)
                    {
                        return FromException(ex, current);
                    }

                    using (response)
                    {
                        var status = (int)response.StatusCode;
                        if (IsRedirect(status) && response.Headers.Location is { } location)
                        {
                            if (hop >= _options.MaxRedirects)
                            {
                                return Fail(FeedErrorKind.Redirects, current.AbsoluteUri, $"more than {_options.MaxRedirects} redirects (started at {start.AbsoluteUri})", response);
                            }

                            var target = location.IsAbsoluteUri ? location : new Uri(current, location);
                            if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
                            {
                                return Fail(FeedErrorKind.Blocked, current.AbsoluteUri, $"redirected to '{target.OriginalString}', which is not an http or https URL", response);
                            }

                            if (current.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp)
                            {
                                return Fail(FeedErrorKind.Blocked, current.AbsoluteUri, $"redirected from https down to plain http ('{target.AbsoluteUri}')", response);
                            }

                            permanentSoFar &= status is 301 or 308;
                            if (permanentSoFar)
                            {
                                learned = target.AbsoluteUri;
                            }

                            current = target;
                            continue;
                        }

                        return await CompleteAsync(configured, current, response, cached, deadline, learned ?? start.AbsoluteUri, learned ?? movedTo, learned is not null, token).ConfigureAwait(false);
                    }
                }
                finally
                {
                    clock.Pause();
                    _global.Release();
                }
            }
            finally
            {
                host.Release();
            }
        }
    }

    private async Task<FeedReadResult> CompleteAsync(
        Uri configured, Uri final, HttpResponseMessage response, CachedFeedResponse? cached, DateTimeOffset deadline, string cacheKey, string? movedTo, bool newPermanentRedirect, CancellationToken token)
    {
        var url = final.AbsoluteUri;
        var status = (int)response.StatusCode;
        if (newPermanentRedirect && movedTo is not null)
        {
            _logger.FeedMovedPermanently(configured.AbsoluteUri, movedTo);
            await RememberAsync(() => _cache.SetPermanentRedirectAsync(configured.AbsoluteUri, movedTo, token), configured).ConfigureAwait(false);
        }

        if (status == 304)
        {
            if (cached is null)
            {
                return new FeedReadResult { Status = FeedStatus.NotModified, BaseAddress = url, MovedTo = movedTo };
            }

            var fromCache = FeedDocumentParser.Parse(cached.Body.Span, url, Charset(cached.ContentType), _options.Parser);
            return fromCache.Error is { } cacheError
                ? FeedReadResult.Failed(WithResponse(cacheError, url, response))
                : new FeedReadResult { Status = FeedStatus.NotModified, Items = fromCache.Items, Language = fromCache.Language, Title = fromCache.Title, Link = fromCache.Link, BaseAddress = cached.FinalUrl, MovedTo = movedTo };
        }

        if (status == 410)
        {
            return Fail(FeedErrorKind.Gone, url, "the server says the feed is gone for good (HTTP 410); remove it from the configuration", response);
        }

        if (status is >= 300 and < 400)
        {
            return Fail(FeedErrorKind.HttpStatus, url, $"HTTP {status} {response.ReasonPhrase} without a usable Location", response);
        }

        if (status is < 200 or >= 300)
        {
            return Fail(FeedErrorKind.HttpStatus, url, DescribeStatus(response, deadline), response);
        }

        var contentType = response.Content.Headers.ContentType?.ToString();
        if (response.Content.Headers.ContentLength is long declared && declared > _options.MaxResponseBytes)
        {
            return Fail(FeedErrorKind.TooLarge, url, $"the body declares {declared} bytes, more than the cap of {_options.MaxResponseBytes}", response);
        }

        byte[] body;
        try
        {
            body = await ReadCappedAsync(response, token).ConfigureAwait(false);
        }
        catch (BodyTooLargeException)
        {
            return Fail(FeedErrorKind.TooLarge, url, $"the body is larger than the cap of {_options.MaxResponseBytes} bytes (counted after decompression)", response);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or InvalidDataException)
        {
            return Fail(FeedErrorKind.Unreachable, url, $"the body could not be read: {Describe(ex)}", response);
        }

        var parsed = FeedDocumentParser.Parse(body, url, response.Content.Headers.ContentType?.CharSet, _options.Parser);
        if (parsed.Error is { } error)
        {
            return FeedReadResult.Failed(WithResponse(error, url, response));
        }

        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.TryGetValues("Last-Modified", out var values) ? values.FirstOrDefault() : null;
        if (etag is not null || lastModified is not null)
        {
            var stored = new CachedFeedResponse
            {
                ETag = etag,
                LastModified = lastModified,
                ContentType = contentType,
                FinalUrl = url,
                Body = body,
                StoredAt = _timeProvider.GetUtcNow(),
            };
            await RememberAsync(() => _cache.SetAsync(cacheKey, stored, token), configured).ConfigureAwait(false);
        }

        return new FeedReadResult { Status = FeedStatus.Ok, Items = parsed.Items, Language = parsed.Language, Title = parsed.Title, Link = parsed.Link, BaseAddress = url, MovedTo = movedTo };
    }

    /// <summary>Stores into the cache; a cache that cannot be written costs the next run a full download, never this feed.</summary>
    private async Task RememberAsync(Func<ValueTask> store, Uri feed)
    {
        try
        {
            await store().ConfigureAwait(false);
        }
        catch (NewsPerspectivesException ex)
        {
            _logger.ValidatorCacheNotWritten(ex, feed.AbsoluteUri);
        }
    }

    private void PrepareRequest(HttpRequestMessage request, CachedFeedResponse? cached, DateTimeOffset deadline)
    {
        request.Options.Set(DeadlineKey, deadline);
        if (_httpClient.DefaultRequestHeaders.UserAgent.Count == 0)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        }

        request.Headers.TryAddWithoutValidation("Accept", Accept);
        if (cached is not null)
        {
            if (cached.ETag is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", cached.ETag);
            }

            if (cached.LastModified is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", cached.LastModified);
            }
        }
    }

    private async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, CancellationToken token)
    {
        var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                using var buffer = new MemoryStream();
                long max = _options.MaxResponseBytes;
                int read;
                while ((read = await stream.ReadAsync(chunk, token).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > max)
                    {
                        throw new BodyTooLargeException();
                    }

                    buffer.Write(chunk, 0, read);
                }

                return buffer.ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }

    private string DescribeStatus(HttpResponseMessage response, DateTimeOffset deadline)
    {
        var status = (int)response.StatusCode;
        var text = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
        if (status is 429 or 503 && RetryAfter(response, _timeProvider) is { } wait)
        {
            var left = deadline - _timeProvider.GetUtcNow();
            text += wait > left
                ? string.Create(CultureInfo.InvariantCulture, $"; Retry-After {wait.TotalSeconds:0} s is longer than the {Math.Max(0, left.TotalSeconds):0.#} s left, so it was not retried")
                : string.Create(CultureInfo.InvariantCulture, $"; Retry-After {wait.TotalSeconds:0} s");
        }

        return text;
    }

    /// <summary>The wait a response's <c>Retry-After</c> asks for, or <see langword="null"/>.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static FeedReadResult FromException(HttpRequestException ex, Uri url)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is BlockedAddressException blocked)
            {
                return Fail(FeedErrorKind.Blocked, url.AbsoluteUri, $"{blocked.Message}; nothing was sent");
            }
        }

        return Fail(FeedErrorKind.Unreachable, url.AbsoluteUri, Describe(ex));
    }

    private static string Describe(Exception ex)
    {
        var message = ex.Message;
        if (ex.InnerException is { } inner && !message.Contains(inner.Message, StringComparison.Ordinal))
        {
            message += $" ({inner.Message})";
        }

        return message;
    }

    private static bool IsRedirect(int status) => status is 301 or 302 or 303 or 307 or 308;

    private static bool TryHttpUri(string text, out Uri uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string? Charset(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.CharSet : null;

    private static FeedReadResult Fail(FeedErrorKind kind, string url, string reason, HttpResponseMessage? response = null) =>
        FeedReadResult.Failed(new FeedError
        {
            Kind = kind,
            Location = url,
            Reason = reason,
            StatusCode = response is null ? null : (int)response.StatusCode,
            ContentType = response?.Content.Headers.ContentType?.ToString(),
        });

    private static FeedError WithResponse(FeedError error, string url, HttpResponseMessage response) => new()
    {
        Kind = error.Kind,
        Location = url,
        Reason = error.Reason,
        StatusCode = (int)response.StatusCode,
        ContentType = response.Content.Headers.ContentType?.ToString(),
    };

    private sealed class BodyTooLargeException : Exception;

    /// <summary>
    /// The request timeout of one feed read, counting only the time its requests are in flight: it runs from each
    /// send until that hop's answer is handled, and is paused while the read waits for a host or global slot (the
    /// first or a redirect hop's), which measures our queue, not the server. Only the caller's token — the topic's
    /// deadline — bounds those waits.
    /// </summary>
    private sealed class RequestClock(TimeSpan timeout, TimeProvider timeProvider, CancellationToken callerToken) : IDisposable
    {
        private readonly CancellationTokenSource _timeout = new(Timeout.InfiniteTimeSpan, timeProvider);
        private CancellationTokenSource? _linked;
        private TimeSpan _remaining = timeout;
        private long _runningSince;

        /// <summary>The token to wait for a slot with: the caller's, never the timeout's.</summary>
        public CancellationToken WaitToken => callerToken;

        /// <summary>Whether the request timeout (not the caller) ended the read.</summary>
        public bool TimedOut => _timeout.IsCancellationRequested;

        /// <summary>Runs the clock for a hop; returns the feed's deadline (for <c>Retry-After</c>) and the token for sending and reading.</summary>
        /// <exception cref="OperationCanceledException">The time was used up by earlier hops.</exception>
        public (DateTimeOffset Deadline, CancellationToken Token) Start()
        {
            _linked ??= CancellationTokenSource.CreateLinkedTokenSource(callerToken, _timeout.Token);
            if (_remaining <= TimeSpan.Zero)
            {
                _timeout.Cancel();
                _linked.Token.ThrowIfCancellationRequested();
            }

            _runningSince = timeProvider.GetTimestamp();
            _timeout.CancelAfter(_remaining);
            return (timeProvider.GetUtcNow() + _remaining, _linked.Token);
        }

        /// <summary>Stops the clock between hops, keeping the time left.</summary>
        public void Pause()
        {
            if (_runningSince == 0 || _timeout.IsCancellationRequested)
            {
                return;
            }

            _timeout.CancelAfter(Timeout.InfiniteTimeSpan);
            _remaining -= timeProvider.GetElapsedTime(_runningSince);
            _runningSince = 0;
        }

        public void Dispose()
        {
            _linked?.Dispose();
            _timeout.Dispose();
        }
    }
}
