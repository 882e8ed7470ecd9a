namespace NewsPerspectives;

/// <summary>
/// Scores how alike short texts (headlines) are. The core ships <see cref="LexicalTextSimilarity"/>; the
/// NewsPerspectives.Embeddings package adds a semantic one. Story clustering (and relevance) can use either.
/// </summary>
public interface ITextSimilarity
{
    /// <summary>Prepares a batch of texts (e.g. computes term weights or embeddings) for pairwise scoring.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Scores between texts of the batch, by index.</returns>
    ValueTask<ITextSimilarityScores> PrepareAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}

/// <summary>Pairwise similarity of a prepared batch of texts.</summary>
public interface ITextSimilarityScores
{
    /// <summary>The similarity of two texts of the batch, between 0 (unrelated) and 1 (the same).</summary>
    /// <param name="first">Index of the first text.</param>
    /// <param name="second">Index of the second text.</param>
    double Similarity(int first, int second);
}

/// <summary>
/// Lexical similarity: the cosine of IDF-weighted term sets (the story matcher's terms: words without stop words or
/// diacritics, cut to their first five letters, Spanish news words in English; character bigrams for Chinese, Japanese
/// and Korean). IDF comes from the batch itself.
/// </summary>
public sealed class LexicalTextSimilarity : ITextSimilarity
{
    /// <inheritdoc/>
    public ValueTask<ITextSimilarityScores> PrepareAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var terms = texts.Select(t => HeadlineTerms.Terms(t)).ToArray();
        var index = TermIndex.Build(terms, Enumerable.Range(0, terms.Length).ToArray());
        return ValueTask.FromResult<ITextSimilarityScores>(new Scores(index));
    }

    private sealed class Scores(TermIndex index) : ITextSimilarityScores
    {
        public double Similarity(int first, int second) => index.Cosine(first, second);
    }
}
