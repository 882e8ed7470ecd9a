namespace NewsPerspectives;

/// <summary>Options of <see cref="StoryClusterer"/>.</summary>
/// <remarks>
/// The two thresholds are the pair that does best on the 25 labelled development posts (the benchmark command
/// <c>quality --cross-validate</c>: a grid over both, judged by story F1 + cross-side stories found + cross-side
/// precision − false blindspots); its leave-one-topic-out folds chose 0.28–0.32 and 0.20–0.28 (see <c>docs/quality.md</c>).
/// </remarks>
public sealed class StoryClustererOptions
{
    /// <summary>
    /// Two headlines of the same side report the same event when the cosine of their term sets reaches this (terms:
    /// words cut to <see cref="TermPrefixLength"/> letters, the topic's own names weighted by <see cref="TopicTermWeight"/>).
    /// Default 0.32.
    /// </summary>
    public double SameSideThreshold { get; set; } = 0.32;

    /// <summary>
    /// A story of one side is joined to the story of another side it is most like when the best pair of headlines
    /// between them reaches this cosine. Each story joins at most one story of each other side, so one weak link cannot
    /// chain unrelated events together. Lower than <see cref="SameSideThreshold"/> because two sides tell one event in
    /// their own words (and languages). Default 0.28.
    /// </summary>
    public double CrossSideThreshold { get; set; } = 0.28;

    /// <summary>
    /// When a semantic <see cref="ITextSimilarity"/> is given, two headlines also match when its score reaches this
    /// and they share at least one term. Default 0.7 (all-MiniLM-L6-v2).
    /// </summary>
    public double SemanticThreshold { get; set; } = 0.7;

    /// <summary>How much the topic's own names (side ids, names and aliases, the topic name) count, relative to other terms. Default 0.25.</summary>
    public double TopicTermWeight { get; set; } = 0.25;

    /// <summary>
    /// Terms weigh the same (a pair's score depends on the two headlines only), except the topic's own names and terms
    /// found in more than this share of the batch's headlines (a batch counted as at least 30), which weigh less, down to
    /// nothing for a term in every headline. 1 turns this off. Default 0.5.
    /// </summary>
    public double CommonTermShare { get; set; } = 0.5;

    /// <summary>Words are compared on their first this many letters ("stabbing"/"stabbed", "Japan"/"Japanese"); 0 compares whole words. Default 5.</summary>
    public int TermPrefixLength { get; set; } = HeadlineTerms.DefaultPrefixLength;

    /// <summary>Batches of at most this many articles compare every pair; larger ones use the inverted index. Default 256.</summary>
    public int ExhaustiveBelow { get; set; } = 256;

    /// <summary>Rarest terms of each headline probed in the inverted index (plus one per four terms). Default 3.</summary>
    public int SignatureTerms { get; set; } = 3;

    /// <summary>Neighbours in time order taken on each side in a probed posting list. Default 64.</summary>
    public int CandidateWindow { get; set; } = 64;

    /// <summary>
    /// When joining two same-side groups of more than two headlines in all, the mean pairwise score between them
    /// (relative to <see cref="SameSideThreshold"/>, capped at 1 per pair, over at most 8 members of each) must reach
    /// this, so chains of weak links don't merge different events. Default 0.3.
    /// </summary>
    public double MinCohesion { get; set; } = 0.3;

    /// <summary>Headlines published further apart than this are never the same event. Default 4 days.</summary>
    public TimeSpan MaxTimeApart { get; set; } = TimeSpan.FromDays(4);

    /// <summary>A story needs at least this many articles to be flagged as a blindspot. Default 2.</summary>
    public int MinArticlesForBlindspot { get; set; } = 2;

    /// <summary>Also cluster on the article description, not only the headline. Default <see langword="false"/>.</summary>
    public bool UseDescription { get; set; }

    /// <summary>The rules: thresholds above 0 and at most 1 (scores are divided by them); shares and weights in range; counts and windows at least 1.</summary>
    internal void Check(OptionChecks check)
    {
        check.Fraction(SameSideThreshold);
        check.Fraction(CrossSideThreshold);
        check.Fraction(SemanticThreshold);
        check.AtLeast(TopicTermWeight, 0);
        check.Fraction(CommonTermShare);
        check.AtLeast(TermPrefixLength, 0);
        check.AtLeast(ExhaustiveBelow, 0);
        check.AtLeast(SignatureTerms, 1);
        check.AtLeast(CandidateWindow, 1);
        check.Between(MinCohesion, 0, 1);
        check.Positive(MaxTimeApart);
        check.AtLeast(MinArticlesForBlindspot, 1);
    }
}
