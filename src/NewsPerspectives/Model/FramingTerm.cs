namespace NewsPerspectives;

/// <summary>
/// A word or two-word phrase a side uses more than the other sides, with the z-score of its weighted log-odds ratio
/// (informative Dirichlet prior; Monroe, Colaresi &amp; Quinn 2008).
/// </summary>
public sealed class FramingTerm
{
    /// <summary>The term as written (lower case), e.g. <c>militarism</c> or <c>rare earth</c>.</summary>
    public required string Term { get; init; }

    /// <summary>The z-score: the log-odds ratio of the side against the other sides divided by its standard deviation (1.96 ≈ 95% confidence).</summary>
    public required double Z { get; init; }

    /// <summary>How many of the side's articles use the term.</summary>
    public required int SideCount { get; init; }

    /// <summary>How many of the other sides' articles use the term.</summary>
    public required int OtherCount { get; init; }
}
