namespace NewsPerspectives;

/// <summary>
/// TF-IDF vectors of a set of texts (sentences or headlines), their cosine similarities and a LexRank centrality
/// (continuous LexRank: PageRank over the cosine-weighted graph, damping 0.85). Terms come from
/// <see cref="TextTerms"/> (lower-case, stop words removed, light plural stemming, CJK bigrams).
/// </summary>
/// <remarks>
/// The similarity matrix is never built: with V the texts × terms matrix of unit TF-IDF rows, the graph is
/// S = V·Vᵀ without its diagonal, so each power-iteration step computes S·x as V·(Vᵀ·x) minus the diagonal, in time
/// linear in the number of (text, term) entries. This is exactly the dense pairwise computation, reordered.
/// </remarks>
internal sealed class SentenceGraph
{
    private const double Damping = 0.85;
    private const int MaxIterations = 100;
    private const double Tolerance = 1e-10;

    private readonly int[][] _terms;
    private readonly double[][] _weights;
    private readonly int _termCount;
    private readonly int[] _textsWithTerm;

    /// <summary>Builds the vectors. IDF is computed over <paramref name="documentOf"/> groups when given (a term in
    /// many articles weighs less), otherwise over the texts themselves.</summary>
    public SentenceGraph(IReadOnlyList<string> texts, IReadOnlyList<int>? documentOf = null)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new (int Term, int Count)[texts.Count][];
        var documentFrequency = new List<int>();
        var lastDocument = new List<int>();
        // When each document's texts are contiguous (the summarizer's order), the last document a term was seen in
        // tells whether it is new to the document; otherwise a set of (term, document) pairs does.
        var seenInDocuments = documentOf is null || Contiguous(documentOf) ? null : new HashSet<long>();
        var scratch = new List<int>();        // count per term id of the current text (0 when not in it)
        var touched = new List<int>();        // the term ids of the current text
        for (int i = 0; i < texts.Count; i++)
        {
            int document = documentOf is null ? i : documentOf[i];
            touched.Clear();
            foreach (var term in TextTerms.Enumerate(texts[i]))
            {
                if (!ids.TryGetValue(term, out var id))
                {
                    id = ids.Count;
                    ids.Add(term, id);
                    documentFrequency.Add(0);
                    lastDocument.Add(-1);
                    scratch.Add(0);
                }

                if (scratch[id]++ == 0)
                {
                    touched.Add(id);
                }

                if (lastDocument[id] != document && (seenInDocuments is null || seenInDocuments.Add(((long)id << 32) | (uint)document)))
                {
                    documentFrequency[id]++;
                }

                lastDocument[id] = document;
            }

            touched.Sort();
            var row = new (int Term, int Count)[touched.Count];
            for (int k = 0; k < row.Length; k++)
            {
                row[k] = (touched[k], scratch[touched[k]]);
                scratch[touched[k]] = 0;
            }

            counts[i] = row;
        }

        int documents = documentOf is null ? texts.Count : documentOf.Distinct().Count();
        _termCount = ids.Count;
        _terms = new int[texts.Count][];
        _weights = new double[texts.Count][];
        _textsWithTerm = new int[_termCount];
        for (int i = 0; i < texts.Count; i++)
        {
            var terms = new int[counts[i].Length];
            var weights = new double[counts[i].Length];
            double norm = 0;
            for (int k = 0; k < terms.Length; k++)
            {
                var (term, tf) = counts[i][k];
                double idf = Math.Log((1.0 + documents) / (1.0 + documentFrequency[term])) + 1.0;
                terms[k] = term;
                weights[k] = tf * idf;
                norm += weights[k] * weights[k];
                _textsWithTerm[term]++;
            }

            norm = Math.Sqrt(norm);
            if (norm > 0)
            {
                for (int k = 0; k < weights.Length; k++)
                {
                    weights[k] /= norm;
                }
            }

            _terms[i] = terms;
            _weights[i] = weights;
        }
    }

    /// <summary>True when every document's texts stand next to each other.</summary>
    private static bool Contiguous(IReadOnlyList<int> documentOf)
    {
        var finished = new HashSet<int>();
        for (int i = 1; i < documentOf.Count; i++)
        {
            if (documentOf[i] != documentOf[i - 1] && (!finished.Add(documentOf[i - 1]) || finished.Contains(documentOf[i])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The number of texts.</summary>
    public int Count => _terms.Length;

    /// <summary>How many distinct terms text <paramref name="i"/> has.</summary>
    public int TermCount(int i) => _terms[i].Length;

    /// <summary>Cosine similarity of two texts (0 when either has no terms).</summary>
    public double Similarity(int i, int j)
    {
        var a = _terms[i];
        var b = _terms[j];
        var wa = _weights[i];
        var wb = _weights[j];
        int x = 0;
        int y = 0;
        double dot = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                dot += wa[x++] * wb[y++];
            }
            else if (a[x] < b[y])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return dot;
    }

    /// <summary>Continuous LexRank centrality of every text, summing to 1 (uniform when there are no edges).</summary>
    /// <param name="weightOf">Optional per-text prior (personalisation vector); uniform when <see langword="null"/>.</param>
    public double[] Centrality(IReadOnlyList<double>? weightOf = null)
    {
        int n = _terms.Length;
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

        // A text has an edge when one of its terms is in another text; its row sum is S·1 without the diagonal.
        var hasEdge = new bool[n];
        var self = new double[n];
        for (int i = 0; i < n; i++)
        {
            foreach (var t in _terms[i])
            {
                hasEdge[i] |= _textsWithTerm[t] > 1;
            }

            foreach (var w in _weights[i])
            {
                self[i] += w * w;
            }
        }

        var ones = new double[n];
        Array.Fill(ones, 1.0);
        var rowSum = Multiply(ones, hasEdge, self);

        var rank = (double[])prior.Clone();
        var share = new double[n];
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            double dangling = 0;
            for (int i = 0; i < n; i++)
            {
                if (rowSum[i] > 0)
                {
                    share[i] = rank[i] / rowSum[i];
                }
                else
                {
                    share[i] = 0;
                    dangling += rank[i];
                }
            }

            var next = Multiply(share, hasEdge, self);
            double change = 0;
            for (int j = 0; j < n; j++)
            {
                next[j] = (1 - Damping) * prior[j] + Damping * (next[j] + dangling * prior[j]);
                change += Math.Abs(next[j] - rank[j]);
            }

            rank = next;
            if (change < Tolerance)
            {
                break;
            }
        }

        return rank;
    }

    /// <summary>(S − diag S)·x with S = V·Vᵀ, through the term totals Vᵀ·x: linear in the entries of V.</summary>
    private double[] Multiply(double[] x, bool[] hasEdge, double[] self)
    {
        var byTerm = new double[_termCount];
        for (int i = 0; i < _terms.Length; i++)
        {
            if (x[i] == 0)
            {
                continue;
            }

            var terms = _terms[i];
            var weights = _weights[i];
            for (int k = 0; k < terms.Length; k++)
            {
                byTerm[terms[k]] += weights[k] * x[i];
            }
        }

        var result = new double[_terms.Length];
        for (int i = 0; i < _terms.Length; i++)
        {
            if (!hasEdge[i])
            {
                continue;
            }

            var terms = _terms[i];
            var weights = _weights[i];
            double sum = 0;
            for (int k = 0; k < terms.Length; k++)
            {
                sum += weights[k] * byTerm[terms[k]];
            }

            result[i] = Math.Max(0, sum - (self[i] * x[i]));
        }

        return result;
    }
}
