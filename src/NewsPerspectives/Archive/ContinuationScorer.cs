namespace NewsPerspectives;

/// <summary>
/// The one place that scores whether two stories (a day's and an archived one) report the same developing event.
/// Today: the IDF-weighted lexical cosine of <see cref="TermIndex"/> over the batch, the better of the representative
/// headlines' terms and the stories' kept terms. Swap the body for another pair scorer; callers don't change.
/// </summary>
internal sealed class ContinuationScorer
{
    private readonly TermIndex _headlines;
    private readonly TermIndex _terms;

    private ContinuationScorer(TermIndex headlines, TermIndex terms)
    {
        _headlines = headlines;
        _terms = terms;
    }

    /// <summary>Prepares a batch: each text is a story's representative headline and its kept terms.</summary>
    public static ContinuationScorer Prepare(IReadOnlyList<(string Headline, IReadOnlyList<string> Terms)> stories)
    {
        var order = Enumerable.Range(0, stories.Count).ToArray();
        var headlines = TermIndex.Build(stories.Select(s => TermEquivalents.Terms(s.Headline)).ToArray(), order);
        var terms = TermIndex.Build(stories.Select(s => s.Terms).ToArray(), order);
        return new ContinuationScorer(headlines, terms);
    }

    /// <summary>The score of two stories of the batch, in [0, 1].</summary>
    public double Score(int first, int second) => Math.Max(_headlines.Cosine(first, second), _terms.Cosine(first, second));
}
