namespace NewsPerspectives;

/// <summary>The terms a story archive keeps for a story: the lexical terms stories are matched on (<see cref="HeadlineTerms"/>).</summary>
internal static class StoryTerms
{
    public const int DefaultMaxTerms = 24;

    /// <summary>The headline's terms, then the other headlines' terms by how many headlines share each (then first seen), at most <paramref name="maxTerms"/>.</summary>
    public static IReadOnlyList<string> Of(string headline, IEnumerable<string> titles, int maxTerms)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in HeadlineTerms.Terms(headline))
        {
            if (result.Count < maxTerms && seen.Add(term))
            {
                result.Add(term);
            }
        }

        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        foreach (var title in titles)
        {
            foreach (var term in HeadlineTerms.Terms(title))
            {
                if (!seen.Contains(term))
                {
                    counts[term] = counts.TryGetValue(term, out var c) ? (c.Count + 1, c.First) : (1, counts.Count);
                }
            }
        }

        result.AddRange(counts.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.First).Select(kv => kv.Key).Take(maxTerms - result.Count));
        return result;
    }
}
