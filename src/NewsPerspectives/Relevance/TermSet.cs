namespace NewsPerspectives;

/// <summary>
/// Many terms matched against one text at once: terms are indexed by their first word (whole words by the word,
/// prefixes by their first letters), so a text is read once, token by token, instead of once per term. Gives the
/// same answers as <see cref="Term.IsFoundIn"/> for every term.
/// </summary>
internal sealed class TermSet
{
    // Prefix terms ("venezolan*") are indexed by at most this many first letters; a token is looked up by as many.
    private const int PrefixKeyLength = 3;

    private readonly Term[] _terms;
    private readonly Dictionary<string, List<int>> _byFoldedWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byPrefix = new(StringComparer.Ordinal);
    private readonly List<int> _whole = [];

    public TermSet(IReadOnlyList<Term> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        _terms = terms.ToArray();
        for (int id = 0; id < _terms.Length; id++)
        {
            var term = _terms[id];
            if (term.IsCjk || term.Words.Count == 0 || (term.IsCaseSensitive && term.Words[0].EndsWith('*')))
            {
                _whole.Add(id);
                continue;
            }

            var first = term.Words[0];
            if (first.EndsWith('*'))
            {
                var prefix = first[..^1];
                Add(_byPrefix, prefix.Length <= PrefixKeyLength ? prefix : prefix[..PrefixKeyLength], id);
            }
            else
            {
                Add(term.IsCaseSensitive ? _byWord : _byFoldedWord, first, id);
            }
        }
    }

    /// <summary>The terms, by id.</summary>
    public IReadOnlyList<Term> Terms => _terms;

    /// <summary>For every term id, whether the term is found in the text.</summary>
    public bool[] Match(TextForMatching text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new bool[_terms.Length];
        var prefixes = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i < text.Folded.Count; i++)
        {
            var folded = text.Folded[i];
            Check(_byFoldedWord.GetValueOrDefault(folded), i);
            Check(_byWord.GetValueOrDefault(text.Tokens[i]), i);
            for (int length = 1; length <= Math.Min(PrefixKeyLength, folded.Length); length++)
            {
                Check(prefixes.TryGetValue(folded.AsSpan(0, length), out var ids) ? ids : null, i);
            }
        }

        foreach (var id in _whole)
        {
            found[id] = (!_terms[id].IsCjk || text.HasCjk) && _terms[id].IsFoundIn(text);
        }

        return found;

        void Check(List<int>? ids, int index)
        {
            if (ids is null)
            {
                return;
            }

            foreach (var id in ids)
            {
                found[id] = found[id] || _terms[id].MatchesAtToken(text, index);
            }
        }
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int id)
    {
        if (!index.TryGetValue(key, out var ids))
        {
            index[key] = ids = [];
        }

        ids.Add(id);
    }
}
