using System.Globalization;
using System.Text.Json;

namespace NewsPerspectives.Benchmarks.Quality;

/// <summary>The figures of <see cref="QualityCommand"/>, accumulated post by post (the same rules as quality_eval.py).</summary>
internal sealed class Figures
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly SortedDictionary<string, TopicCounts> _topics = new(StringComparer.Ordinal);
    private int _outlets;
    private int _outletsRight;
    private int _countries;
    private int _countriesRight;
    private int _crossHuman;
    private int _crossFound;
    private int _blindspots;
    private int _blindspotsFalse;
    private int _crossShown;
    private int _crossShownRight;
    private int _oneSidedHuman;
    private int _oneSidedFlagged;

    /// <summary>Adds another set of figures (e.g. one post's) to these.</summary>
    public void Add(Figures other)
    {
        foreach (var (topic, counts) in other._topics)
        {
            (_topics.TryGetValue(topic, out var c) ? c : _topics[topic] = new TopicCounts()).Add(counts);
        }

        _outlets += other._outlets;
        _outletsRight += other._outletsRight;
        _countries += other._countries;
        _countriesRight += other._countriesRight;
        _crossHuman += other._crossHuman;
        _crossFound += other._crossFound;
        _blindspots += other._blindspots;
        _blindspotsFalse += other._blindspotsFalse;
        _crossShown += other._crossShown;
        _crossShownRight += other._crossShownRight;
        _oneSidedHuman += other._oneSidedHuman;
        _oneSidedFlagged += other._oneSidedFlagged;
    }

    /// <summary>
    /// What threshold choices are judged by in cross-validation: story F1 + cross-side found + cross-side precision
    /// − false blindspots (each a share in [0, 1]), so no one figure is bought with another.
    /// </summary>
    public double Objective => Total().F1 + (Share(_crossFound, _crossHuman) + Share(_crossShownRight, _crossShown) - Share(_blindspotsFalse, _blindspots));

    /// <summary>One line with the story figures.</summary>
    public string StoryLine() => string.Create(CultureInfo.InvariantCulture,
        $"story F1 {Total().F1:F3} (P {Total().Precision:F3} R {Total().Recall:F3}) cross-side found {Percent(_crossFound, _crossHuman):F1}% of {_crossHuman} false blindspots {Percent(_blindspotsFalse, _blindspots):F1}% of {_blindspots} cross-side precision {Percent(_crossShownRight, _crossShown):F1}% of {_crossShown}");

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    public void Score(string key, string topic, IReadOnlyList<QualityCommand.Line> lines, JsonElement items, int[][] groups, JsonElement passA, JsonElement passB)
    {
        var counts = _topics.TryGetValue(topic, out var c) ? c : _topics[topic] = new TopicCounts();
        var numberOfLink = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            numberOfLink[line.Link] = line.Number;
        }

        // Pass A: relevance.
        var offTopic = new HashSet<int>();
        foreach (var dropped in passA.GetProperty("diagnostics").GetProperty("dropped").EnumerateArray())
        {
            if (dropped.GetProperty("reason").GetString() == "OffTopic" && numberOfLink.TryGetValue(dropped.GetProperty("link").GetString()!, out var n))
            {
                offTopic.Add(n);
            }
        }

        foreach (var line in lines)
        {
            int label = items.GetProperty($"{key}#{line.Number}").GetProperty("relevance").GetInt32();
            counts.Relevance[(label, !offTopic.Contains(line.Number))]++;
        }

        // Pass B: stories and outlets.
        var linesOfSource = new Dictionary<int, List<int>>();
        foreach (var source in passB.GetProperty("sources").EnumerateArray())
        {
            int number = source.GetProperty("number").GetInt32();
            var members = new List<(string Link, string Outlet, string? Country, bool Kept)>
            {
                (source.GetProperty("link").GetString()!, source.GetProperty("outlet").GetString()!, Text(source, "outletCountry"), true),
            };
            if (source.TryGetProperty("alsoPublishedBy", out var copies))
            {
                members.AddRange(copies.EnumerateArray().Select(copy => (copy.GetProperty("link").GetString()!, copy.GetProperty("outlet").GetString()!, (string?)null, false)));
            }

            linesOfSource[number] = members.Where(m => numberOfLink.ContainsKey(m.Link)).Select(m => numberOfLink[m.Link]).ToList();
            foreach (var (link, outlet, country, kept) in members)
            {
                if (!numberOfLink.TryGetValue(link, out var n))
                {
                    continue;
                }

                var label = items.GetProperty($"{key}#{n}");
                _outlets++;
                _outletsRight += outlet == label.GetProperty("outlet").GetString() ? 1 : 0;
                if (kept)
                {
                    _countries++;
                    _countriesRight += (country ?? "") == label.GetProperty("country").GetString() ? 1 : 0;
                }
            }
        }

        var predicted = new List<List<int>>();
        var covered = new HashSet<int>();
        var flagged = new List<bool>();
        foreach (var story in passB.GetProperty("stories").EnumerateArray())
        {
            var numbers = story.GetProperty("sources").EnumerateArray().Select(x => x.GetInt32()).ToArray();
            covered.UnionWith(numbers);
            predicted.Add(numbers.SelectMany(n => linesOfSource.GetValueOrDefault(n) ?? []).ToList());
            flagged.Add(story.TryGetProperty("blindspot", out var b) && b.ValueKind == JsonValueKind.True);
        }

        foreach (var (number, members) in linesOfSource)
        {
            // A listed article in no story still carries its collapsed copies.
            if (!covered.Contains(number) && members.Count > 1)
            {
                predicted.Add(members);
                flagged.Add(false);
            }
        }

        var sideOf = lines.ToDictionary(l => l.Number, l => l.Side);
        var storyOf = new Dictionary<int, int>();
        for (int i = 0; i < predicted.Count; i++)
        {
            foreach (var n in predicted[i])
            {
                storyOf[n] = i;
            }
        }

        var groupOf = new Dictionary<int, int>();
        for (int g = 0; g < groups.Length; g++)
        {
            foreach (var n in groups[g])
            {
                groupOf[n] = g;
            }
        }

        bool TwoSides(IEnumerable<int> numbers) => numbers.Select(n => sideOf[n]).Distinct(StringComparer.Ordinal).Skip(1).Any();
        foreach (var group in groups)
        {
            if (TwoSides(group))
            {
                _crossHuman++;
                _crossFound += group.Where(storyOf.ContainsKey).Select(n => storyOf[n]).Distinct().Any(i => TwoSides(predicted[i])) ? 1 : 0;
            }
            else if (group.Length >= 2)
            {
                _oneSidedHuman++;
                _oneSidedFlagged += group.Where(storyOf.ContainsKey).Select(n => storyOf[n]).Distinct().Any(i => flagged[i]) ? 1 : 0;
            }
        }

        for (int i = 0; i < predicted.Count; i++)
        {
            var members = predicted[i];
            if (flagged[i] && members.Count > 0)
            {
                _blindspots++;
                _blindspotsFalse += members.Where(groupOf.ContainsKey).Select(n => groupOf[n]).Distinct().Any(g => TwoSides(groups[g])) ? 1 : 0;
            }

            if (TwoSides(members))
            {
                // Shown as covered by two sides: right when two of its lines of different sides are one human event.
                _crossShown++;
                _crossShownRight += members.Any(a => members.Any(b => sideOf[a] != sideOf[b] && groupOf.TryGetValue(a, out var ga) && groupOf.TryGetValue(b, out var gb) && ga == gb)) ? 1 : 0;
            }
        }

        var predictedPairs = Pairs(predicted);
        var humanPairs = Pairs(groups.Select(g => g.ToList()));
        counts.TruePositive += predictedPairs.Count(humanPairs.Contains);
        counts.FalsePositive += predictedPairs.Count(p => !humanPairs.Contains(p));
        counts.FalseNegative += humanPairs.Count(p => !predictedPairs.Contains(p));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static HashSet<(int, int)> Pairs(IEnumerable<List<int>> groups)
    {
        var pairs = new HashSet<(int, int)>();
        foreach (var group in groups)
        {
            var sorted = group.Order().ToArray();
            for (int i = 0; i < sorted.Length; i++)
            {
                for (int j = i + 1; j < sorted.Length; j++)
                {
                    pairs.Add((sorted[i], sorted[j]));
                }
            }
        }

        return pairs;
    }

    private static double Percent(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;

    private TopicCounts Total()
    {
        var total = new TopicCounts();
        foreach (var counts in _topics.Values)
        {
            total.Add(counts);
        }

        return total;
    }

    public void Print(TextWriter output, bool embeddings)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(embeddings ? "stories: lexical + MiniLM embeddings (UseEmbeddings)" : "stories: default options (lexical)");
        output.WriteLine("| topic | label 2 kept | label 1 kept | label 0 dropped | story P | story R | story F1 |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (topic, c) in _topics.Append(new KeyValuePair<string, TopicCounts>("all", Total())))
        {
            output.WriteLine(string.Create(inv, $"| {topic} | {c.Kept(2):F1}% | {c.Kept(1):F1}% | {100 - c.Kept(0):F1}% | {c.Precision:F3} | {c.Recall:F3} | {c.F1:F3} |"));
        }

        var t = Total();
        output.WriteLine(string.Create(inv,
            $"quality: keep2 {t.Kept(2):F1}% drop0 {100 - t.Kept(0):F1}% story F1 {t.F1:F3} (P {t.Precision:F3} R {t.Recall:F3}) outlet {Percent(_outletsRight, _outlets):F1}% country {Percent(_countriesRight, _countries):F1}% cross-side stories found {Percent(_crossFound, _crossHuman):F1}% of {_crossHuman} false blindspots {Percent(_blindspotsFalse, _blindspots):F1}% of {_blindspots}"));
        output.WriteLine(string.Create(inv,
            $"also: cross-side precision {Percent(_crossShownRight, _crossShown):F1}% of {_crossShown} stories shown with two sides; blindspot recall {Percent(_oneSidedFlagged, _oneSidedHuman):F1}% of {_oneSidedHuman} one-sided human groups; pairs {t.TruePositive} right, {t.FalsePositive} wrong, {t.FalseNegative} missed"));
    }

    public string ToJson()
    {
        var t = Total();
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["keep2"] = Math.Round(t.Kept(2), 1),
            ["keep1"] = Math.Round(t.Kept(1), 1),
            ["drop0"] = Math.Round(100 - t.Kept(0), 1),
            ["story_p"] = Math.Round(t.Precision, 3),
            ["story_r"] = Math.Round(t.Recall, 3),
            ["story_f1"] = Math.Round(t.F1, 3),
            ["outlet"] = Math.Round(Percent(_outletsRight, _outlets), 1),
            ["country"] = Math.Round(Percent(_countriesRight, _countries), 1),
            ["cross_side"] = Math.Round(Percent(_crossFound, _crossHuman), 1),
            ["cross_side_n"] = _crossHuman,
            ["false_blindspots"] = Math.Round(Percent(_blindspotsFalse, _blindspots), 1),
            ["blindspots_n"] = _blindspots,
            ["cross_side_precision"] = Math.Round(Percent(_crossShownRight, _crossShown), 1),
            ["cross_side_shown_n"] = _crossShown,
            ["blindspot_recall"] = Math.Round(Percent(_oneSidedFlagged, _oneSidedHuman), 1),
            ["one_sided_groups_n"] = _oneSidedHuman,
        }, Indented);
    }

    private sealed class TopicCounts
    {
        public Dictionary<(int Label, bool Kept), int> Relevance { get; } = new()
        {
            [(0, true)] = 0, [(0, false)] = 0, [(1, true)] = 0, [(1, false)] = 0, [(2, true)] = 0, [(2, false)] = 0,
        };

        public int TruePositive { get; set; }

        public int FalsePositive { get; set; }

        public int FalseNegative { get; set; }

        public double Precision => TruePositive + FalsePositive == 0 ? 0 : (double)TruePositive / (TruePositive + FalsePositive);

        public double Recall => TruePositive + FalseNegative == 0 ? 0 : (double)TruePositive / (TruePositive + FalseNegative);

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public double Kept(int label) => Percent(Relevance[(label, true)], Relevance[(label, true)] + Relevance[(label, false)]);

        public void Add(TopicCounts other)
        {
            foreach (var (k, v) in other.Relevance)
            {
                Relevance[k] += v;
            }

            TruePositive += other.TruePositive;
            FalsePositive += other.FalsePositive;
            FalseNegative += other.FalseNegative;
        }
    }
}
