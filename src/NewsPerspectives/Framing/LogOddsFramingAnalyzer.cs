using System.Text.RegularExpressions;

namespace NewsPerspectives;

/// <summary>
/// "Fightin' Words" (Monroe, Colaresi &amp; Quinn 2008, <i>Political Analysis</i> 16(4)): the weighted log-odds ratio of
/// each term between one side and the other sides pooled, with an informative Dirichlet prior from the pooled
/// frequencies, divided by its standard deviation (a z-score).
/// </summary>
/// <remarks>
/// <para>Counts are articles (headline and description), not tokens: an article that repeats a word counts once. Terms
/// are lower-case words without stop words, lightly stemmed for counting ("tariffs" counts as "tariff"; shown as the
/// commonest form written) and, with <see cref="FramingOptions.IncludePhrases"/>, two adjacent words. The topic's own
/// names (side names, aliases, their demonyms and capitals such as Chinese or Beijing for China) are left out: every
/// side says them.</para>
/// <para>For side i against the rest j, with counts y, totals n, prior α_w = α₀·(pooled count of w / pooled total):
/// δ = ln((y_i + α_w) / (n_i + α₀ − y_i − α_w)) − ln((y_j + α_w) / (n_j + α₀ − y_j − α_w)),
/// σ² ≈ 1/(y_i + α_w) + 1/(y_j + α_w), z = δ / σ. Terms with z ≥ <see cref="FramingOptions.MinZ"/>, used by at least
/// <see cref="FramingOptions.MinSideArticles"/> of the side's articles, are listed by z (ties: phrases first, then by
/// term); a term sharing a word with one listed before it is skipped. Deterministic.</para>
/// </remarks>
public sealed partial class LogOddsFramingAnalyzer : IFramingAnalyzer
{
    private readonly FramingOptions _options;

    /// <summary>Creates the analyzer.</summary>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public LogOddsFramingAnalyzer(FramingOptions? options = null)
    {
        _options = options ?? new FramingOptions();
        _options.Validate();
    }

    /// <inheritdoc/>
    public IReadOnlyList<SideFraming> Analyze(TopicDefinition topic, IReadOnlyList<ClassifiedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(articles);
        if (topic.Sides.Count < 2 || _options.MaxTerms == 0)
        {
            return [];
        }

        var topicTerms = ClaimText.TopicTerms(topic);
        var sideIndex = topic.Sides.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var surface = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var totals = new double[topic.Sides.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in articles)
        {
            if (!sideIndex.TryGetValue(item.SideId, out var side))
            {
                continue;
            }

            seen.Clear();
            foreach (var (key, written) in Terms(item.Article.Title + "\n" + item.Article.Description, topicTerms))
            {
                if (!seen.Add(key))
                {
                    continue;
                }

                if (!counts.TryGetValue(key, out var perSide))
                {
                    counts[key] = perSide = new int[topic.Sides.Count];
                    surface[key] = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                perSide[side]++;
                totals[side]++;
                surface[key][written] = surface[key].GetValueOrDefault(written) + 1;
            }
        }

        double pooledTotal = totals.Sum();
        var result = new List<SideFraming>(topic.Sides.Count);
        for (int i = 0; i < topic.Sides.Count; i++)
        {
            var scored = new List<(string Key, double Z, int Side, int Other)>();
            double ni = totals[i];
            double nj = pooledTotal - ni;
            foreach (var (key, perSide) in counts)
            {
                int yi = perSide[i];
                if (yi < _options.MinSideArticles)
                {
                    continue;
                }

                int yAll = perSide.Sum();
                int yj = yAll - yi;
                double a0 = _options.PriorStrength;
                double aw = a0 * yAll / pooledTotal;
                double delta = Math.Log((yi + aw) / (ni + a0 - yi - aw)) - Math.Log((yj + aw) / (nj + a0 - yj - aw));
                double z = delta / Math.Sqrt((1.0 / (yi + aw)) + (1.0 / (yj + aw)));
                if (z >= _options.MinZ)
                {
                    scored.Add((key, z, yi, yj));
                }
            }

            var chosen = new List<FramingTerm>();
            var usedWords = new HashSet<string>(StringComparer.Ordinal);
            // A phrase before a word of equal score ("rare earth" before "rare"), then the term itself.
            foreach (var (key, z, yi, yj) in scored.OrderByDescending(s => Math.Round(s.Z, 9)).ThenByDescending(s => s.Key.Count(c => c == ' ')).ThenBy(s => s.Key, StringComparer.Ordinal))
            {
                if (chosen.Count >= _options.MaxTerms)
                {
                    break;
                }

                var words = key.Split(' ');
                if (words.Any(usedWords.Contains))
                {
                    continue;
                }

                usedWords.UnionWith(words);
                var written = surface[key].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
                chosen.Add(new FramingTerm { Term = written, Z = Math.Round(z, 2), SideCount = yi, OtherCount = yj });
            }

            result.Add(new SideFraming { Side = topic.Sides[i], Terms = chosen });
        }

        return result;
    }

    /// <summary>The counted terms of a text: (key, as written); words, then phrases of two adjacent words within a clause.</summary>
    private IEnumerable<(string Key, string Written)> Terms(string text, HashSet<string> topicTerms)
    {
        foreach (Match clause in Clause().Matches(text))
        {
            (string Key, string Written, bool Topic)? previous = null;
            foreach (Match word in Word().Matches(clause.Value))
            {
                var written = word.Value.ToLowerInvariant();
                if (written.EndsWith("'s", StringComparison.Ordinal) || written.EndsWith("’s", StringComparison.Ordinal))
                {
                    written = written[..^2];
                }

                var terms = TextTerms.Distinct(written);
                if (terms.Count > 1 && written.Contains('-', StringComparison.Ordinal) && !written.EnumerateRunes().Any(TextTerms.IsCjk))
                {
                    // A hyphenated compound ("dual-use", "rare-earth") is one word, counted with its open form ("rare earth").
                    terms = [string.Join(' ', terms)];
                }

                if (terms.Count != 1 || terms[0].All(char.IsAsciiDigit))
                {
                    // A stop word, a number, or a CJK run (its bigrams): counted as words only, and it breaks a phrase.
                    foreach (var cjk in terms.Count > 1 ? terms : [])
                    {
                        yield return (cjk, cjk);
                    }

                    previous = null;
                    continue;
                }

                // The topic's names, their demonyms and capitals ("Chinese", "Beijing"; "Estados Unidos") are left out.
                var key = terms[0];
                bool isTopic = key.Split(' ').Select(TopicNames.Fold).Any(topicTerms.Contains);
                if (!isTopic)
                {
                    yield return (key, written);
                }

                if (_options.IncludePhrases && previous is { } p && !(p.Topic && isTopic))
                {
                    yield return (p.Key + " " + key, p.Written + " " + written);
                }

                previous = (key, written, isTopic);
            }
        }
    }

    [GeneratedRegex(@"[^.!?;:,()\[\]""“”|\n—–]+", RegexOptions.CultureInvariant)]
    private static partial Regex Clause();

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+(?:['’\-][\p{L}\p{M}\p{Nd}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
