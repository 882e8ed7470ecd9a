namespace NewsPerspectives;

/// <summary>Options of the extractive summarizer. Validated when the summarizer is created.</summary>
public sealed class ExtractiveSummarizerOptions
{
    /// <summary>The most overall highlights (one per event). Default 5.</summary>
    public int MaxHighlights { get; set; } = 5;

    /// <summary>The fewest overall highlights when there are enough stories. Default 3.
    /// Between the two, one highlight per four sources.</summary>
    public int MinHighlights { get; set; } = 3;

    /// <summary>Bullets per side (one per story the side covers). Default 4.</summary>
    public int BulletsPerSide { get; set; } = 4;

    /// <summary>
    /// A side's bullet is not a sentence of the highlights, nor one at least this similar (TF-IDF cosine) to a sentence a
    /// highlight quotes, so the side lists add to the highlights instead of repeating them. Default 0.7.
    /// </summary>
    public double MaxSimilarityToHighlights { get; set; } = 0.7;

    /// <summary>
    /// How many of a story's best-scored sentences of one side are considered for that side's bullet (the first that
    /// does not repeat a highlight is used), so the work per story is bounded however large the story. Default 8.
    /// </summary>
    public int CandidateSentencesPerStory { get; set; } = 8;

    /// <summary>
    /// The MMR trade-off between rank and novelty, between 0 and 1: a candidate's score is
    /// <c>λ·relevance − (1 − λ)·(highest similarity to a bullet already chosen)</c>. 1 ranks only; lower values favour
    /// bullets unlike the ones already chosen. Default 0.7.
    /// </summary>
    public double MmrLambda { get; set; } = 0.7;

    /// <summary>
    /// Rank the sentences of article descriptions (or full texts) with the headlines, so a bullet may be a
    /// description sentence. <see langword="false"/> uses headlines only. Default <see langword="true"/>.
    /// </summary>
    public bool UseDescriptions { get; set; } = true;

    /// <summary>Description sentences shorter than this many words are not used as bullets. Default 6.</summary>
    public int MinSentenceWords { get; set; } = 6;

    /// <summary>Description sentences longer than this many words are not used as bullets (headlines always may be). Default 45.</summary>
    public int MaxSentenceWords { get; set; } = 45;

    /// <summary>
    /// How much earlier sentences of an article are preferred: a sentence's score is its LexRank centrality times
    /// <c>1 + PositionWeight / (1 + position)</c>, where the headline and the first description sentence have position 0.
    /// 0 turns the preference off. Default 1.
    /// </summary>
    public double PositionWeight { get; set; } = 1.0;

    /// <summary>
    /// 0 (the default): one highlight per story, as described above. Greater than 0: the highlights are instead a
    /// sentence-level extract of about this many words (sentences are added while the total is below the budget),
    /// picked by score with MMR, where several sentences may come from one story; used for long-form summaries
    /// (the ROUGE benchmark uses 250).
    /// </summary>
    public int HighlightWordBudget { get; set; }

    /// <summary>
    /// In the sentence-level extract, a sentence also cites every other source holding a sentence at least this
    /// similar (TF-IDF cosine) to it. Default 0.5.
    /// </summary>
    public double CorroborationSimilarity { get; set; } = 0.5;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names every one.</exception>
    public void Validate() => OptionChecks.Validate(nameof(ExtractiveSummarizerOptions), Check);

    /// <summary>The rules: counts not negative, at least as many highlights at most as at least, at least one candidate sentence, similarities and λ between 0 and 1.</summary>
    internal void Check(OptionChecks check)
    {
        check.AtLeast(MaxHighlights, 0);
        check.AtLeast(MinHighlights, 0);
        check.AtMost(MinHighlights, MaxHighlights);
        check.AtLeast(BulletsPerSide, 0);
        check.AtLeast(MinSentenceWords, 0);
        check.NotBelow(MaxSentenceWords, MinSentenceWords);
        check.AtLeast(PositionWeight, 0);
        check.AtLeast(HighlightWordBudget, 0);
        check.AtLeast(CandidateSentencesPerStory, 1);
        check.Between(MaxSimilarityToHighlights, 0, 1);
        check.Between(MmrLambda, 0, 1);
        check.Between(CorroborationSimilarity, 0, 1);
    }
}
