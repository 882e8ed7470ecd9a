namespace NewsPerspectives;

/// <summary>Reads feeds from a local file, or from every <c>.xml</c>, <c>.rss</c>, <c>.atom</c> and <c>.json</c> file of a folder (in ordinal name order).</summary>
public sealed class FileFeedSource : IFeedSource
{
    private static readonly string[] FeedExtensions = [".xml", ".rss", ".atom", ".json"];
    private readonly FeedParserOptions _parserOptions;

    /// <summary>Creates the source.</summary>
    /// <param name="parserOptions">Parser limits; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A limit is below 1.</exception>
    public FileFeedSource(FeedParserOptions? parserOptions = null)
    {
        _parserOptions = parserOptions ?? new FeedParserOptions();
        OptionChecks.Validate(nameof(FeedParserOptions), _parserOptions.Check);
    }

    /// <inheritdoc/>
    public bool CanRead(FeedDefinition feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return feed.Kind == FeedKind.File;
    }

    /// <inheritdoc/>
    public async Task<FeedReadResult> ReadAsync(FeedDefinition feed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var path = feed.Location;
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path)
                .Where(f => FeedExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            var items = new List<FeedItem>();
            string? language = null;
            var errors = new List<string>();
            foreach (var file in files)
            {
                var result = await ReadFileAsync(file, cancellationToken).ConfigureAwait(false);
                if (result.Error is { } error)
                {
                    errors.Add(error.ToString());
                    continue;
                }

                items.AddRange(result.Items);
                language ??= result.Language;
            }

            if (errors.Count > 0 && items.Count == 0)
            {
                return FeedReadResult.Failed(new FeedError { Kind = FeedErrorKind.Parse, Location = path, Reason = string.Join("; ", errors) });
            }

            return new FeedReadResult { Status = FeedStatus.Ok, Items = items, Language = language };
        }

        return await ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FeedReadResult> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return FeedReadResult.Failed(new FeedError { Kind = FeedErrorKind.Unreachable, Location = path, Reason = "the file does not exist" });
            }

            if (info.Length > _parserOptions.MaxCharacters * 4)
            {
                return FeedReadResult.Failed(new FeedError { Kind = FeedErrorKind.TooLarge, Location = path, Reason = $"the file has {info.Length} bytes" });
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return FeedReadResult.Failed(new FeedError { Kind = FeedErrorKind.Unreachable, Location = path, Reason = ex.Message });
        }

        // A local file has no URL: relative item links resolve against the channel's own link.
        return FeedDocumentParser.Parse(bytes, path, null, _parserOptions);
    }
}
