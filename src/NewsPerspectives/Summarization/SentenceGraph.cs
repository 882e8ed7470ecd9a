namespace NewsPerspectives;

/// <summary>
/// TF-IDF vectors of a set of texts (sentences or headlines), their cosine similarities and a LexRank
/// centrality (continuous LexRank: PageRank over the cosine-weighted graph, damping 0.85). Terms come from
/// <see cref="TextTerms"/> (lower-case, stop words removed, light plural stemming, CJK bigrams).
/// </summary>
internal sealed class SentenceGraph
{
    private readonly Dictionary<string, double>[] _vectors;

    /// <summary>Builds the vectors. IDF is computed over <paramref name="documentOf"/> groups when given (a term in
    /// many articles weighs less), otherwise over the texts themselves.</summary>
    public SentenceGraph(IReadOnlyList<string> texts, IReadOnlyList<int>? documentOf = null)
    {
        var counts = new Dictionary<string, int>[texts.Count];
        var df = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (int i = 0; i < texts.Count; i++)
        {
            var tf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in TextTerms.Enumerate(texts[i]))
            {
                tf[term] = tf.GetValueOrDefault(term) + 1;
                if (!df.TryGetValue(term, out var docs))
                {
                    df[term] = docs = [];
                }

                docs.Add(documentOf is null ? i : documentOf[i]);
            }

            counts[i] = tf;
        }

        int documents = documentOf is null ? texts.Count : documentOf.Distinct().Count();
        _vectors = new Dictionary<string, double>[texts.Count];
        for (int i = 0; i < texts.Count; i++)
        {
            var vector = new Dictionary<string, double>(counts[i].Count, StringComparer.Ordinal);
            double norm = 0;
            foreach (var (term, tf) in counts[i])
            {
                double idf = Math.Log((1.0 + documents) / (1.0 + df[term].Count)) + 1.0;
                double w = tf * idf;
                vector[term] = w;
                norm += w * w;
            }

            norm = Math.Sqrt(norm);
            if (norm > 0)
            {
                foreach (var term in vector.Keys.ToArray())
                {
                    vector[term] /= norm;
                }
            }

            _vectors[i] = vector;
        }
    }

    /// <summary>The number of texts.</summary>
    public int Count => _vectors.Length;

    /// <summary>How many distinct terms text <paramref name="i"/> has.</summary>
    public int TermCount(int i) => _vectors[i].Count;

    /// <summary>Cosine similarity of two texts (0 when either has no terms).</summary>
    public double Similarity(int i, int j)
    {
        var (small, large) = _vectors[i].Count <= _vectors[j].Count ? (_vectors[i], _vectors[j]) : (_vectors[j], _vectors[i]);
        double dot = 0;
        foreach (var (term, w) in small)
        {
            if (large.TryGetValue(term, out var v))
            {
                dot += w * v;
            }
        }

        return dot;
    }

    /// <summary>Continuous LexRank centrality of every text, summing to 1 (uniform when there are no edges).</summary>
    /// <param name="weightOf">Optional per-text prior (personalisation vector); uniform when <see langword="null"/>.</param>
    public double[] Centrality(IReadOnlyList<double>? weightOf = null)
    {
        const double Damping = 0.85;
        int n = _vectors.Length;
        if (n == 0)
        {
            return [];
        }

        var prior = new double[n];
        double priorSum = 0;
        for (int i = 0; i < n; i++)
        {
            prior[i] = weightOf is null ? 1.0 : Math.Max(0, weightOf[i]);
            priorSum += prior[i];
        }

        for (int i = 0; i < n; i++)
        {
            prior[i] = priorSum > 0 ? prior[i] / priorSum : 1.0 / n;
        }

        // Sparse symmetric adjacency: only pairs that share a term.
        var edges = new List<(int To, double Weight)>[n];
        var rowSum = new double[n];
        for (int i = 0; i < n; i++)
        {
            edges[i] = [];
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double s = Similarity(i, j);
                if (s > 0)
                {
                    edges[i].Add((j, s));
                    edges[j].Add((i, s));
                    rowSum[i] += s;
                    rowSum[j] += s;
                }
            }
        }

        var rank = (double[])prior.Clone();
        var next = new double[n];
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double dangling = 0;
            for (int i = 0; i < n; i++)
            {
                if (rowSum[i] == 0)
                {
                    dangling += rank[i];
                }
            }

            Array.Clear(next);
            for (int i = 0; i < n; i++)
            {
                if (rowSum[i] == 0)
                {
                    continue;
                }

                double share = rank[i] / rowSum[i];
                foreach (var (to, weight) in edges[i])
                {
                    next[to] += share * weight;
                }
            }

            double change = 0;
            for (int j = 0; j < n; j++)
            {
                next[j] = (1 - Damping) * prior[j] + Damping * (next[j] + dangling * prior[j]);
                change += Math.Abs(next[j] - rank[j]);
            }

            (rank, next) = (next, rank);
            if (change < 1e-10)
            {
                break;
            }
        }

        return rank;
    }
}
