using System.Collections.Concurrent;

namespace NewsPerspectives;

/// <summary>
/// Remembers, per feed URL, what a conditional GET needs (the <c>ETag</c> and <c>Last-Modified</c> validators and the
/// body they belong to) and the permanent redirects (301/308) a server announced, so a re-run downloads only what
/// changed and goes straight to a feed's new address.
/// </summary>
/// <remarks>Implementations must be safe for concurrent use.</remarks>
public interface IFeedValidatorCache
{
    /// <summary>Returns what was stored for a URL, or <see langword="null"/>.</summary>
    /// <param name="url">The feed URL as requested.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    ValueTask<CachedFeedResponse?> GetAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>Stores (or replaces) what a successful read of a URL returned.</summary>
    /// <param name="url">The feed URL as requested.</param>
    /// <param name="response">The validators and body.</param>
    /// <param name="cancellationToken">Cancels the store.</param>
    ValueTask SetAsync(string url, CachedFeedResponse response, CancellationToken cancellationToken = default);

    /// <summary>Returns the URL a feed permanently moved to, or <see langword="null"/>.</summary>
    /// <param name="url">The feed URL as configured.</param>
    /// <param name="cancellationToken">Cancels the look-up.</param>
    ValueTask<string?> GetPermanentRedirectAsync(string url, CancellationToken cancellationToken = default);

    /// <summary>Remembers that a feed permanently moved (HTTP 301 or 308).</summary>
    /// <param name="url">The feed URL as configured.</param>
    /// <param name="target">The new URL.</param>
    /// <param name="cancellationToken">Cancels the store.</param>
    ValueTask SetPermanentRedirectAsync(string url, string target, CancellationToken cancellationToken = default);
}

/// <summary>What a successful feed response left in the cache: its validators and its body.</summary>
public sealed class CachedFeedResponse
{
    /// <summary>The <c>ETag</c> header as received (quotes and <c>W/</c> included), or <see langword="null"/>.</summary>
    public string? ETag { get; init; }

    /// <summary>The <c>Last-Modified</c> header as received, or <see langword="null"/>.</summary>
    public string? LastModified { get; init; }

    /// <summary>The <c>Content-Type</c> header (with its charset), or <see langword="null"/>.</summary>
    public string? ContentType { get; init; }

    /// <summary>The URL the body was finally read from (after redirects).</summary>
    public required string FinalUrl { get; init; }

    /// <summary>The body, decompressed: a 304 answer re-parses it so the digest still has the feed's articles.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>When it was stored.</summary>
    public DateTimeOffset StoredAt { get; init; }
}

/// <summary>An <see cref="IFeedValidatorCache"/> kept in memory for the life of the process (the default).</summary>
public sealed class InMemoryFeedValidatorCache : IFeedValidatorCache
{
    private readonly ConcurrentDictionary<string, CachedFeedResponse> _responses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _redirects = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask<CachedFeedResponse?> GetAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        return ValueTask.FromResult(_responses.GetValueOrDefault(url));
    }

    /// <inheritdoc/>
    public ValueTask SetAsync(string url, CachedFeedResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(response);
        _responses[url] = response;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<string?> GetPermanentRedirectAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        return ValueTask.FromResult(_redirects.GetValueOrDefault(url));
    }

    /// <inheritdoc/>
    public ValueTask SetPermanentRedirectAsync(string url, string target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(target);
        _redirects[url] = target;
        return ValueTask.CompletedTask;
    }
}
