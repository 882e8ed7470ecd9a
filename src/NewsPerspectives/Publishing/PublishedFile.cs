namespace NewsPerspectives;

/// <summary>One file of a publication: the format, where it goes, and whether it was written.</summary>
public sealed class PublishedFile
{
    /// <summary>The format.</summary>
    public required string Format { get; init; }

    /// <summary>The path under the output root, '/'-separated, such as <c>content/summaries/china-japan/2026-01-12.md</c>.</summary>
    public required string RelativePath { get; init; }

    /// <summary>The full path, or <see langword="null"/> when the relative path was unsafe.</summary>
    public string? FullPath { get; init; }

    /// <summary>The outcome.</summary>
    public required PublishOutcome Outcome { get; init; }

    /// <summary>Why the file was not written, when it was not; otherwise <see langword="null"/>.</summary>
    public string? Error { get; init; }
}
