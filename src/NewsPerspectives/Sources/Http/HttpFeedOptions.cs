using System.Net;
using System.Reflection;

namespace NewsPerspectives;

/// <summary>
/// Limits and politeness settings of <see cref="HttpFeedSource"/>. Every default is chosen for reading a few hundred
/// public feeds a day from one machine; see <c>docs/fetching.md</c>.
/// </summary>
public sealed class HttpFeedOptions
{
    /// <summary>The default product token of the User-Agent, <c>NewsPerspectives/&lt;version&gt; (+repository URL)</c>.</summary>
    public static string DefaultUserAgent { get; } = BuildDefaultUserAgent();

    /// <summary>
    /// Time allowed for one feed while its requests are in flight, from each send: every redirect hop, the retry and
    /// its delay, the headers and reading the whole body. A server that is still sending when it ends (a "slowloris"
    /// trickle) gives <see cref="FeedErrorKind.Timeout"/>. Waiting for a free slot under
    /// <see cref="MaxConcurrentRequestsPerHost"/> or <see cref="MaxConcurrentRequests"/> (before the first request
    /// or between redirect hops) does not count: it measures our queue, not the server, and is bounded by the topic's
    /// deadline (<c>DigestPipelineOptions.FeedsDeadline</c>) instead. Default 30 seconds.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest body accepted, in bytes after decompression, counted while reading (a gzip bomb stops here).
    /// Default 10 MiB (real feeds are rarely above 1 MiB).
    /// </summary>
    public long MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// Redirects followed before giving up with <see cref="FeedErrorKind.Redirects"/>; at most this many plus one
    /// requests are made for a feed. Default 5.
    /// </summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Requests in flight at once to one authority (scheme, host and port). Default 2.</summary>
    public int MaxConcurrentRequestsPerHost { get; set; } = 2;

    /// <summary>Requests in flight at once over all hosts. Default 16.</summary>
    public int MaxConcurrentRequests { get; set; } = 16;

    /// <summary>
    /// Retries after a transient failure (a connection error, 408, 429, 5xx), through the
    /// Microsoft.Extensions.Http.Resilience retry strategy selected per authority. Default 1; 0 disables retries.
    /// </summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>The base delay before a retry (exponential with jitter); a server's <c>Retry-After</c> replaces it. Default 1 second.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The User-Agent sent with every request. Default <see cref="DefaultUserAgent"/>: an honest name with a link,
    /// so a publisher can see who reads its feed. A User-Agent set on the <see cref="HttpClient"/> itself wins.
    /// </summary>
    public string UserAgent { get; set; } = DefaultUserAgent;

    /// <summary>
    /// When <see langword="true"/> (the default), every connection (each redirect hop included) is checked in
    /// <see cref="SocketsHttpHandler.ConnectCallback"/> after DNS resolution, and addresses that
    /// <see cref="AddressFilter"/> refuses (by default loopback, private, link-local, CGNAT, multicast and reserved
    /// ranges) are never connected to: <see cref="FeedErrorKind.Blocked"/>. Set it to <see langword="false"/> — an
    /// explicit opt-out, e.g. the CLI's <c>--allow-private-addresses</c> — to read feeds on your own machine or
    /// network (the loopback tests do). Only applies to the handler <c>AddHttpFeeds</c> or
    /// <c>HttpFeedsBuilderExtensions.CreateHandler</c> creates (not to one you plug in).
    /// </summary>
    public bool BlockPrivateAddresses { get; set; } = true;

    /// <summary>
    /// Decides which resolved addresses may be connected to when <see cref="BlockPrivateAddresses"/> is on.
    /// Default <see cref="PrivateAddressGuard.IsPublicAddress"/>.
    /// </summary>
    public Func<IPAddress, bool> AddressFilter { get; set; } = PrivateAddressGuard.IsPublicAddress;

    /// <summary>How long a pooled connection lives before DNS is looked up again. Default 5 minutes.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Parser limits applied to every body. Defaults of <see cref="FeedParserOptions"/>.</summary>
    public FeedParserOptions Parser { get; set; } = new();

    /// <summary>Checks the values; called once when the source is created.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names every one.</exception>
    public void Validate() => OptionChecks.Validate(nameof(HttpFeedOptions), Check);

    /// <summary>The rules: positive time limits and sizes, at least one request at a time, counts not negative.</summary>
    internal void Check(OptionChecks check)
    {
        check.Positive(RequestTimeout);
        check.AtLeast(MaxResponseBytes, 1);
        check.AtLeast(MaxRedirects, 0);
        check.AtLeast(MaxConcurrentRequestsPerHost, 1);
        check.AtLeast(MaxConcurrentRequests, 1);
        check.AtLeast(MaxRetries, 0);
        check.NotNegative(RetryDelay);
        check.NotBlank(UserAgent);
        check.NotNull(AddressFilter);
        check.That(PooledConnectionLifetime > TimeSpan.Zero || PooledConnectionLifetime == Timeout.InfiniteTimeSpan,
            nameof(PooledConnectionLifetime), PooledConnectionLifetime, "must be positive (or Timeout.InfiniteTimeSpan)");
        check.NotNull(Parser);
        if (Parser is not null)
        {
            check.Nested(nameof(Parser), Parser.Check);
        }
    }

    private static string BuildDefaultUserAgent()
    {
        var assembly = typeof(HttpFeedOptions).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            version = version[..plus];
        }

        var url = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryUrl")?.Value ?? "https://github.com/newsperspectives/newsperspectives";
        return $"NewsPerspectives/{version} (+{url})";
    }
}
