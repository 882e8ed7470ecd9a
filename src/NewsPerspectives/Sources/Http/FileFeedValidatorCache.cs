using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsPerspectives;

/// <summary>
/// A persistent <see cref="IFeedValidatorCache"/>: a small JSON index (validators and permanent redirects per URL) at
/// a path you choose, and the last body of each feed in a folder beside it (<c>&lt;name&gt;.bodies/</c>). Every file
/// is written atomically (a temporary file in the same folder, then a move), so a crash leaves the old cache.
/// </summary>
/// <remarks>
/// The index is locked (<c>&lt;path&gt;.lock</c>, exclusive) from construction until <see cref="Dispose"/>: a second
/// run on the same cache gets a clear <see cref="NewsPerspectivesException"/> instead of silently losing updates.
/// A missing, unreadable or corrupt index starts an empty cache (it is only a cache).
/// </remarks>
public sealed class FileFeedValidatorCache : IFeedValidatorCache, IDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly string _path;
    private readonly string _bodies;
    private readonly FileStream _lock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _timeProvider;
    private Index? _index;

    /// <summary>Opens (or will create) the cache and takes its lock.</summary>
    /// <param name="path">The JSON index file, e.g. <c>.cache/feeds.json</c>; its folder is created when needed.</param>
    /// <param name="timeProvider">The clock for <see cref="CachedFeedResponse.StoredAt"/>; the system clock when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="NewsPerspectivesException">The cache is in use by another run, or its folder cannot be written.</exception>
    public FileFeedValidatorCache(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        _bodies = Path.ChangeExtension(_path, ".bodies");
        _timeProvider = timeProvider ?? TimeProvider.System;
        var lockPath = _path + ".lock";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            _lock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException ex)
        {
            throw new NewsPerspectivesException($"the feed cache '{_path}' is in use by another run (lock file '{lockPath}'); wait for it to finish or use another cache path", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new NewsPerspectivesException($"the feed cache '{_path}' cannot be opened: {ex.Message}", ex);
        }
    }

    /// <summary>The JSON index file.</summary>
    public string FilePath => _path;

    /// <inheritdoc/>
    public async ValueTask<CachedFeedResponse?> GetAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        Entry? entry;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            entry = Load().Feeds.GetValueOrDefault(url);
        }
        finally
        {
            _gate.Release();
        }

        if (entry?.Body is null || entry.FinalUrl is null)
        {
            return null;
        }

        byte[] body;
        try
        {
            body = await File.ReadAllBytesAsync(Path.Combine(_bodies, entry.Body), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // The body is gone: read the feed unconditionally.
        }

        return new CachedFeedResponse
        {
            ETag = entry.ETag,
            LastModified = entry.LastModified,
            ContentType = entry.ContentType,
            FinalUrl = entry.FinalUrl,
            Body = body,
            StoredAt = entry.StoredAt,
        };
    }

    /// <inheritdoc/>
    /// <exception cref="NewsPerspectivesException">The cache could not be written.</exception>
    public async ValueTask SetAsync(string url, CachedFeedResponse response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(response);
        var bodyName = BodyName(url);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(_bodies);
            await WriteAtomicallyAsync(Path.Combine(_bodies, bodyName), response.Body, cancellationToken).ConfigureAwait(false);
            Load().Feeds[url] = new Entry
            {
                ETag = response.ETag,
                LastModified = response.LastModified,
                ContentType = response.ContentType,
                FinalUrl = response.FinalUrl,
                Body = bodyName,
                StoredAt = response.StoredAt == default ? _timeProvider.GetUtcNow() : response.StoredAt,
            };
            await SaveAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<string?> GetPermanentRedirectAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Load().Redirects.GetValueOrDefault(url);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    /// <exception cref="NewsPerspectivesException">The cache could not be written.</exception>
    public async ValueTask SetPermanentRedirectAsync(string url, string target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(target);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Load().Redirects[url] = target;
            await SaveAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose()
    {
        _lock.Dispose();
        _gate.Dispose();
    }

    private static string BodyName(string url) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)).AsSpan(0, 16)) + ".body";

    private Index Load()
    {
        if (_index is not null)
        {
            return _index;
        }

        try
        {
            var text = File.ReadAllBytes(_path);
            _index = JsonSerializer.Deserialize<Index>(text, JsonOptions);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            _index = null;
        }

        _index ??= new Index();
        _index.Feeds = new SortedDictionary<string, Entry>((IDictionary<string, Entry>?)_index.Feeds ?? new Dictionary<string, Entry>(), StringComparer.Ordinal);
        _index.Redirects = new SortedDictionary<string, string>((IDictionary<string, string>?)_index.Redirects ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        return _index;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(Load(), JsonOptions);
        await WriteAtomicallyAsync(_path, bytes, cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteAtomicallyAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), "the feed cache file", cancellationToken);

    private sealed class Index
    {
        public int Version { get; set; } = 1;

        public SortedDictionary<string, Entry> Feeds { get; set; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, string> Redirects { get; set; } = new(StringComparer.Ordinal);
    }

    private sealed class Entry
    {
        public string? ETag { get; set; }

        public string? LastModified { get; set; }

        public string? ContentType { get; set; }

        public string? FinalUrl { get; set; }

        public string? Body { get; set; }

        public DateTimeOffset StoredAt { get; set; }
    }
}
