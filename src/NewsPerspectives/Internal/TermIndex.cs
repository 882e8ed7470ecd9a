namespace NewsPerspectives;

/// <summary>
/// A batch of short texts as sets of term ids with IDF weights, an inverted index, and sub-quadratic candidate
/// pair generation (prefix filtering over each text's rarest terms, with a bounded window in time order).
/// </summary>
internal sealed class TermIndex
{
    private readonly int[][] _terms;
    private readonly double[] _idf;
    private readonly double[] _norm;
    private readonly int[] _documentFrequency;
    private readonly int[][] _postings;
    private readonly int[] _rank;
    private readonly int[] _order;

    private TermIndex(int[][] terms, double[] idf, double[] norm, int[] documentFrequency, int[][] postings, int[] rank, int[] order)
    {
        _order = order;
        _terms = terms;
        _idf = idf;
        _norm = norm;
        _documentFrequency = documentFrequency;
        _postings = postings;
        _rank = rank;
    }

    /// <summary>Number of texts.</summary>
    public int Count => _terms.Length;

    /// <summary>Number of distinct terms of a text.</summary>
    public int TermCount(int document) => _terms[document].Length;

    /// <summary>Builds the index with BM25 IDF weights.</summary>
    /// <param name="texts">The texts, already reduced to terms.</param>
    /// <param name="order">Each text's position in time order (ascending, unique), used to bound candidate windows.</param>
    /// <param name="termWeight">Multiplier of a term's IDF weight (e.g. to down-weight the topic's own names); 1 when null.</param>
    /// <param name="minimumCollectionSize">IDF is computed as if the batch had at least this many texts, so tiny batches still weight shared words.</param>
    public static TermIndex Build(IReadOnlyList<IReadOnlyList<string>> texts, IReadOnlyList<int> order, Func<string, double>? termWeight = null, int minimumCollectionSize = 30)
    {
        double n = Math.Max(texts.Count, minimumCollectionSize);

        // BM25's IDF: near zero for a word in every text, high for a rare one.
        return Build(texts, order, (term, df) => Math.Log(((n - df + 0.5) / (df + 0.5)) + 1.0) * (termWeight?.Invoke(term) ?? 1.0));
    }

    /// <summary>Builds the index with weights of the caller's choosing.</summary>
    /// <param name="texts">The texts, already reduced to terms.</param>
    /// <param name="order">Each text's position in time order (ascending, unique), used to bound candidate windows.</param>
    /// <param name="weight">A term's weight from the term and the number of texts that have it.</param>
    public static TermIndex Build(IReadOnlyList<IReadOnlyList<string>> texts, IReadOnlyList<int> order, Func<string, int, double> weight)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var terms = new int[texts.Count][];
        var df = new List<int>();
        for (int d = 0; d < texts.Count; d++)
        {
            var set = new SortedSet<int>();
            foreach (var term in texts[d])
            {
                if (!ids.TryGetValue(term, out var id))
                {
                    id = ids.Count;
                    ids.Add(term, id);
                    names.Add(term);
                    df.Add(0);
                }

                set.Add(id);
            }

            terms[d] = [.. set];
            foreach (var id in terms[d])
            {
                df[id]++;
            }
        }

        var idf = new double[ids.Count];
        for (int t = 0; t < idf.Length; t++)
        {
            idf[t] = weight(names[t], df[t]);
        }

        var norm = new double[texts.Count];
        for (int d = 0; d < texts.Count; d++)
        {
            double sum = 0;
            foreach (var t in terms[d])
            {
                sum += idf[t] * idf[t];
            }

            norm[d] = Math.Sqrt(sum);
        }

        var rank = new int[texts.Count];
        for (int i = 0; i < order.Count; i++)
        {
            rank[order[i]] = i;
        }

        var lists = new List<int>[ids.Count];
        foreach (var d in order)
        {
            foreach (var t in terms[d])
            {
                (lists[t] ??= []).Add(d);
            }
        }

        var postings = lists.Select(l => l?.ToArray() ?? []).ToArray();
        return new TermIndex(terms, idf, norm, [.. df], postings, rank, [.. order]);
    }

    /// <summary>IDF-weighted cosine of the two texts' term sets, in [0, 1].</summary>
    public double Cosine(int first, int second)
    {
        if (_norm[first] == 0 || _norm[second] == 0)
        {
            return 0;
        }

        return SharedWeight(first, second) / (_norm[first] * _norm[second]);
    }

    /// <summary>The sum of the weights of the terms the two texts share (each weight counted once, not squared).</summary>
    public double SharedTermWeight(int first, int second)
    {
        var a = _terms[first];
        var b = _terms[second];
        int i = 0;
        int j = 0;
        double sum = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                sum += _idf[a[i]];
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    /// <summary>Jaccard similarity of the two texts' term sets (unweighted).</summary>
    public double Jaccard(int first, int second)
    {
        int shared = SharedCount(first, second);
        int union = _terms[first].Length + _terms[second].Length - shared;
        return union == 0 ? 0 : (double)shared / union;
    }

    /// <summary>Shared terms divided by the smaller text's term count.</summary>
    public double Containment(int first, int second)
    {
        int smaller = Math.Min(_terms[first].Length, _terms[second].Length);
        return smaller == 0 ? 0 : (double)SharedCount(first, second) / smaller;
    }

    /// <summary>The weight of a text's terms that are also in a set of term counts (for centroids).</summary>
    public double CentroidScore(int document, IReadOnlyDictionary<int, int> termCounts, int members)
    {
        double score = 0;
        foreach (var t in _terms[document])
        {
            if (termCounts.TryGetValue(t, out var count))
            {
                score += _idf[t] * _idf[t] * count / members;
            }
        }

        return _norm[document] == 0 ? 0 : score / _norm[document];
    }

    /// <summary>The term ids of a text.</summary>
    public IReadOnlyList<int> Terms(int document) => _terms[document];

    /// <summary>
    /// Calls <paramref name="pair"/> for candidate pairs, the earlier text (in time order) first, possibly more than
    /// once per pair. Texts are visited in time order, so the calls don't depend on the order of the input.
    /// With at most <paramref name="exhaustiveBelow"/> texts, every pair. Otherwise each text probes the posting
    /// lists of its <paramref name="signatureTerms"/> rarest shared terms (plus one per four more terms), taking at
    /// most <paramref name="window"/> neighbours on each side in time order: O(n · terms · window).
    /// </summary>
    public void CandidatePairs(int signatureTerms, int window, int exhaustiveBelow, Action<int, int> pair, CancellationToken cancellationToken)
    {
        int n = _terms.Length;
        if (n <= exhaustiveBelow)
        {
            for (int a = 0; a < n; a++)
            {
                for (int b = a + 1; b < n; b++)
                {
                    pair(_order[a], _order[b]);
                }
            }

            return;
        }

        var signature = new List<int>();
        for (int r = 0; r < n; r++)
        {
            int d = _order[r];
            if ((r & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            signature.Clear();
            foreach (var t in _terms[d])
            {
                if (_documentFrequency[t] >= 2)
                {
                    signature.Add(t);
                }
            }

            signature.Sort((x, y) => _documentFrequency[x] != _documentFrequency[y] ? _documentFrequency[x].CompareTo(_documentFrequency[y]) : x.CompareTo(y));
            int take = Math.Min(signature.Count, signatureTerms + (_terms[d].Length / 4));
            for (int s = 0; s < take; s++)
            {
                var list = _postings[signature[s]];
                int at = BinarySearchByRank(list, _rank[d]);
                int from = Math.Max(0, at - window);
                int to = Math.Min(list.Length - 1, at + window);
                for (int i = from; i <= to; i++)
                {
                    int other = list[i];
                    if (other != d)
                    {
                        if (_rank[d] < _rank[other])
                        {
                            pair(d, other);
                        }
                        else
                        {
                            pair(other, d);
                        }
                    }
                }
            }
        }
    }

    private int BinarySearchByRank(int[] list, int rank)
    {
        int lo = 0;
        int hi = list.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int r = _rank[list[mid]];
            if (r == rank)
            {
                return mid;
            }

            if (r < rank)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private double SharedWeight(int first, int second)
    {
        var a = _terms[first];
        var b = _terms[second];
        int i = 0;
        int j = 0;
        double sum = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                sum += _idf[a[i]] * _idf[a[i]];
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }

    private int SharedCount(int first, int second)
    {
        var a = _terms[first];
        var b = _terms[second];
        int i = 0;
        int j = 0;
        int count = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                count++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return count;
    }
}

/// <summary>Union-find with path halving and union by size.</summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public DisjointSets(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (int i = 0; i < count; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    public bool Union(int a, int b)
    {
        int ra = Find(a);
        int rb = Find(b);
        if (ra == rb)
        {
            return false;
        }

        if (_size[ra] < _size[rb])
        {
            (ra, rb) = (rb, ra);
        }

        _parent[rb] = ra;
        _size[ra] += _size[rb];
        return true;
    }
}
