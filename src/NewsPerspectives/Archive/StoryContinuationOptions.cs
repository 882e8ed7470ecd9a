namespace NewsPerspectives;

/// <summary>When a day's story continues an archived one. Validated when the archive is created.</summary>
public sealed class StoryContinuationOptions
{
    /// <summary>A story continues one that ran on one of this many days before (yesterday is 1). Default 3.</summary>
    public int WindowDays { get; set; } = 3;

    /// <summary>The least score (see <see cref="StoryContinuation.Score"/>) for a continuation. Default 0.25: on the continuation pairs labelled from the dev posts, precision 0.75 and recall 0.31 (every repeat of an article found); lower finds more developments and more false ones (docs/quality.md).</summary>
    public double MinScore { get; set; } = 0.25;

    /// <summary>Each story probes the archive's index with its this many rarest terms (plus one per four more terms). Default 4.</summary>
    public int SignatureTerms { get; set; } = 4;

    /// <summary>
    /// Each story is scored against at most this many archived appearances: those sharing the most of its signature
    /// terms (ties: the most recent). Bounds a lookup's cost whatever the archive's size. Default 64.
    /// </summary>
    public int MaxCandidates { get; set; } = 64;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowDays, 1, nameof(WindowDays));
        ArgumentOutOfRangeException.ThrowIfLessThan(SignatureTerms, 1, nameof(SignatureTerms));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCandidates, 1, nameof(MaxCandidates));
        if (!(MinScore > 0 && MinScore <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinScore), MinScore, "MinScore must be in (0, 1].");
        }
    }
}
