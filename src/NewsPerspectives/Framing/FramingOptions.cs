namespace NewsPerspectives;

/// <summary>Options of the <see cref="LogOddsFramingAnalyzer"/>. Validated when the analyzer is created.</summary>
public sealed class FramingOptions
{
    /// <summary>The most terms listed per side; 0 turns framing off. Default 8.</summary>
    public int MaxTerms { get; set; } = 8;

    /// <summary>
    /// The least z-score a term needs to be listed. Default 1.0: the side's log-odds are one standard deviation above the
    /// other sides' (a lean; a day's digest has a few dozen articles per side, where 1.96, about 95% confidence, is
    /// seldom reached). Every listed term carries its z, so a reader sees how strong it is.
    /// </summary>
    public double MinZ { get; set; } = 1.0;

    /// <summary>
    /// α₀, the strength of the informative Dirichlet prior: the pooled frequencies of every side, scaled to this many
    /// pseudo-counts (article-term counts). Larger values pull rare terms towards "not distinctive"; smaller ones make the
    /// variance of rare terms large. Default 100, for digests of tens to hundreds of articles per side (Monroe, Colaresi
    /// &amp; Quinn's worked example used 500 on far larger corpora).
    /// </summary>
    public double PriorStrength { get; set; } = 100;

    /// <summary>A term must be used by at least this many of the side's articles to be listed. Default 2.</summary>
    public int MinSideArticles { get; set; } = 2;

    /// <summary>Count two-word phrases (adjacent content words, e.g. "rare earth") as well as words. Default <see langword="true"/>.</summary>
    public bool IncludePhrases { get; set; } = true;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names every one.</exception>
    public void Validate() => OptionChecks.Validate(nameof(FramingOptions), Check);

    /// <summary>The rules: counts not negative, at least one article, a z-score that is a number, a positive prior.</summary>
    internal void Check(OptionChecks check)
    {
        check.AtLeast(MaxTerms, 0);
        check.AtLeast(MinSideArticles, 1);
        check.That(!double.IsNaN(MinZ), nameof(MinZ), MinZ, "must be a number");
        check.That(PriorStrength > 0 && !double.IsInfinity(PriorStrength), nameof(PriorStrength), PriorStrength, "must be positive");
    }
}
