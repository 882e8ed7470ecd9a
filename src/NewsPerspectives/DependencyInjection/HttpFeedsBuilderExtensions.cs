using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;

namespace NewsPerspectives;

/// <summary>Registers the HTTP feed source: <c>builder.AddHttpFeeds(o => ...)</c>.</summary>
public static class HttpFeedsBuilderExtensions
{
    /// <summary>The name of the resilience pipeline <see cref="AddHttpFeeds"/> adds to the feed client.</summary>
    public const string ResiliencePipelineName = "newsperspectives-feeds";

    /// <summary>The name of the feed client in <c>IHttpClientFactory</c> (<c>services.AddHttpClient(ClientName)</c> reaches it).</summary>
    public const string ClientName = nameof(HttpFeedSource);

    /// <summary>Polly's name for the attempt event that its retry strategy reports after every try.</summary>
    private const string ExecutionAttemptEvent = "ExecutionAttempt";

    /// <summary>
    /// Adds <see cref="HttpFeedSource"/> for <see cref="FeedKind.Url"/> and <see cref="FeedKind.GoogleNews"/> feeds:
    /// a typed <see cref="HttpClient"/> from <c>IHttpClientFactory</c> over a <see cref="SocketsHttpHandler"/>
    /// (automatic decompression of gzip, deflate and brotli; redirects followed by the source, one hop at a time; the
    /// private-address guard in <see cref="SocketsHttpHandler.ConnectCallback"/> when
    /// <see cref="HttpFeedOptions.BlockPrivateAddresses"/> is on), a Microsoft.Extensions.Http.Resilience retry
    /// (<see cref="HttpFeedOptions.MaxRetries"/>, <c>Retry-After</c> honoured when it fits the time left) selected per
    /// authority, and an <see cref="IFeedValidatorCache"/> (in memory unless you register another, e.g. with
    /// <see cref="UseFeedCacheFile"/>).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures limits and politeness.</param>
    /// <returns>
    /// The feed client's <see cref="IHttpClientBuilder"/>: add handlers, a proxy
    /// (<c>.ConfigurePrimaryHttpMessageHandler(() =&gt; new SocketsHttpHandler { Proxy = ... })</c>, which replaces the
    /// handler and so the private-address guard) or other resilience strategies to it.
    /// </returns>
    /// <remarks>
    /// Calling it again only adds the <paramref name="configure"/> step: the client, its handler and its retry are
    /// registered once. <see cref="HttpFeedOptions"/> is validated when first used and, in a host, at start.
    /// Successful attempts of the retry pipeline are logged at Debug (Polly's default is Information); failed ones
    /// stay at Warning.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IHttpClientBuilder AddHttpFeeds(this INewsPerspectivesBuilder builder, Action<HttpFeedOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = OptionsChecker<HttpFeedOptions>.Register(services, (o, check) => o.Check(check));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var http = services.AddHttpClient(ClientName);
        if (services.Any(d => d.ServiceType == typeof(HttpFeedsRegistration)))
        {
            return http; // Registered once: a second call adds no second handler or retry (a 503 is retried MaxRetries times, not twice that).
        }

        services.AddSingleton<HttpFeedsRegistration>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IFeedValidatorCache, InMemoryFeedValidatorCache>();
        http.AddTypedClient((client, sp) =>
        {
            client.Timeout = Timeout.InfiniteTimeSpan; // The source applies HttpFeedOptions.RequestTimeout to headers and body.
            return new HttpFeedSource(
                client,
                FeedOptions(sp),
                sp.GetRequiredService<IFeedValidatorCache>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<HttpFeedSource>>());
        });
        http.ConfigurePrimaryHttpMessageHandler(sp => CreateHandler(FeedOptions(sp)));
        http.AddResilienceHandler(ResiliencePipelineName, (pipeline, context) =>
        {
            var feedOptions = FeedOptions(context.ServiceProvider);
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            if (feedOptions.MaxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = feedOptions.MaxRetries,
                    Delay = feedOptions.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, time)),
                });
            }
        }).SelectPipelineByAuthority();
        services.Configure<TelemetryOptions>(QuietSuccessfulAttempts);

        // The pipeline holds its sources for its lifetime: resolve the typed client once; the handler's
        // PooledConnectionLifetime keeps DNS fresh.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFeedSource, HttpFeedSource>(sp => sp.GetRequiredService<HttpFeedSource>()));
        return http;
    }

    /// <summary>Keeps validators, last bodies and permanent redirects in a JSON file between runs (see <see cref="FileFeedValidatorCache"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The JSON index file; bodies go to a folder beside it.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static INewsPerspectivesBuilder UseFeedCacheFile(this INewsPerspectivesBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        builder.Services.Replace(ServiceDescriptor.Singleton<IFeedValidatorCache>(sp => new FileFeedValidatorCache(path, sp.GetService<TimeProvider>())));
        return builder;
    }

    /// <summary>Creates the primary handler <see cref="AddHttpFeeds"/> uses, for callers who build their own <see cref="HttpClient"/>.</summary>
    /// <param name="options">The options (decompression is always on; the guard when <see cref="HttpFeedOptions.BlockPrivateAddresses"/>).</param>
    /// <returns>A new handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static SocketsHttpHandler CreateHandler(HttpFeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = false, // HttpFeedSource follows redirects itself: it caps them, checks each scheme and remembers 301/308.
            MaxConnectionsPerServer = options.MaxConcurrentRequestsPerHost,
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            ConnectTimeout = options.RequestTimeout,
            UseCookies = false,
        };
        if (options.BlockPrivateAddresses)
        {
            handler.ConnectCallback = PrivateAddressGuard.CreateConnectCallback(options.AddressFilter);
        }

        return handler;
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, TimeProvider time)
    {
        if (outcome.Exception is { } exception)
        {
            for (var inner = exception; inner is not null; inner = inner.InnerException)
            {
                if (inner is BlockedAddressException or OperationCanceledException)
                {
                    return false;
                }
            }

            return HttpClientResiliencePredicates.IsTransient(outcome);
        }

        if (outcome.Result is not { } response || !HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        // A Retry-After beyond the feed's deadline would only end in a timeout: report the status instead.
        var request = context.GetRequestMessage() ?? response.RequestMessage;
        if (HttpFeedSource.RetryAfter(response, time) is { } wait
            && request is not null && request.Options.TryGetValue(HttpFeedSource.DeadlineKey, out var deadline)
            && time.GetUtcNow() + wait > deadline)
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// Polly reports every attempt of the feed pipeline at Information, a successful one too; those go to Debug. A failed
    /// attempt (Warning) and the retry itself keep their level. Other pipelines of the host are left as they are.
    /// </summary>
    private static void QuietSuccessfulAttempts(TelemetryOptions telemetry)
    {
        var previous = telemetry.SeverityProvider;
        telemetry.SeverityProvider = args =>
            args.Event.EventName == ExecutionAttemptEvent && args.Event.Severity == ResilienceEventSeverity.Information
            && args.Source.PipelineName == $"{ClientName}-{ResiliencePipelineName}"
                ? ResilienceEventSeverity.Debug
                : previous?.Invoke(args) ?? args.Event.Severity;
    }

    private static HttpFeedOptions FeedOptions(IServiceProvider services) =>
        services.GetRequiredService<IOptions<HttpFeedOptions>>().Value;
}
