namespace NewsPerspectives.Tests.Framing;

public sealed class LogOddsFramingAnalyzerTests
{
    private static readonly TopicDefinition Topic = TestArticles.Topic("north-south", TestArticles.Side("north", "North"), TestArticles.Side("south", "South"));

    /// <summary>
    /// A constructed two-side corpus: 40 articles a side about the same talks, with the same shared words at the same
    /// rates; planted: North says "provocation" (12 of its articles, South once), South says "deterrence" (12, North never)
    /// and "joint drills" (8, North never). Both sides name North and South everywhere.
    /// </summary>
    private static List<ClassifiedArticle> Corpus()
    {
        var shared = new[] { "Border talks resume", "Ministers meet on border talks", "Talks stall over border", "Envoys hold border meeting" };
        var articles = new List<ClassifiedArticle>();
        void Add(string side, int i, string title) => articles.Add(new ClassifiedArticle
        {
            Article = TestArticles.Article(title, link: $"https://{side}.example/{i}", feed: TestArticles.Feed(side)),
            Perspective = new PerspectiveAssignment { SideId = side, Confidence = 1, Reason = "test" },
        });

        for (int i = 0; i < 40; i++)
        {
            var north = $"North and South: {shared[i % shared.Length]}";
            Add("north", i, i < 12 ? north + " amid provocation" : north);
            var south = $"South and North: {shared[i % shared.Length]}";
            if (i < 12)
            {
                south += " amid deterrence";
            }
            else if (i < 20)
            {
                south += " amid joint drills";
            }
            else if (i == 20)
            {
                south += " amid provocation";
            }

            Add("south", i, south);
        }

        return articles;
    }

    [Fact]
    public void FindsThePlantedTerms_WithTheirCounts_AndNoneOfTheSharedOrTopicWords()
    {
        var framing = new LogOddsFramingAnalyzer().Analyze(Topic, Corpus());

        Assert.Equal(["north", "south"], framing.Select(f => f.Side.Id));
        var north = framing[0].Terms;
        var south = framing[1].Terms;
        var provocation = north[0];
        Assert.Equal("provocation", provocation.Term);
        Assert.Equal((12, 1), (provocation.SideCount, provocation.OtherCount));
        Assert.True(provocation.Z >= 1.96, $"z {provocation.Z}");
        Assert.Contains(south, t => t.Term == "deterrence" && t.SideCount == 12 && t.OtherCount == 0 && t.Z >= 1.96);
        Assert.Contains(south, t => t.Term == "joint drills" && t.SideCount == 8 && t.OtherCount == 0);

        var listed = north.Concat(south).Select(t => t.Term).ToArray();
        foreach (var word in new[] { "border", "talks", "ministers", "meeting", "north", "south", "envoys" })
        {
            Assert.DoesNotContain(listed, t => t.Split(' ').Contains(word));
        }

        // Most distinctive first; a phrase's words are not listed again on their own.
        Assert.Equal(south.Select(t => t.Z).OrderByDescending(z => z), south.Select(t => t.Z));
        Assert.DoesNotContain(south, t => t.Term is "joint" or "drills");
    }

    [Fact]
    public void TheZScore_IsTheWeightedLogOddsRatioOverItsStandardDeviation()
    {
        var corpus = Corpus();
        var options = new FramingOptions { PriorStrength = 100 };
        var term = new LogOddsFramingAnalyzer(options).Analyze(Topic, corpus)[1].Terms.Single(t => t.Term == "deterrence");

        // Monroe, Colaresi & Quinn (2008), eq. 16 and 18, with the counts of this corpus (article-term counts).
        var perSide = corpus.GroupBy(a => a.SideId).ToDictionary(g => g.Key, g => g.Sum(a => CountedTerms(a.Article.Title)));
        double ni = perSide["south"], nj = perSide["north"];
        double yi = 12, yj = 0, a0 = options.PriorStrength;
        double aw = a0 * (yi + yj) / (ni + nj);
        double delta = Math.Log((yi + aw) / (ni + a0 - yi - aw)) - Math.Log((yj + aw) / (nj + a0 - yj - aw));
        double z = delta / Math.Sqrt((1 / (yi + aw)) + (1 / (yj + aw)));
        Assert.Equal(Math.Round(z, 2), term.Z);
    }

    /// <summary>The article-term count of a title as the analyzer counts it: distinct words (not stop words, not the topic's names) and adjacent-word phrases.</summary>
    private static int CountedTerms(string title)
    {
        var clauses = title.Split([',', ':'], StringSplitOptions.TrimEntries);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in clauses)
        {
            string? previous = null;
            bool previousTopic = false;
            foreach (var word in clause.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()))
            {
                var terms = TextTerms.Distinct(word);
                if (terms.Count != 1)
                {
                    previous = null;
                    continue;
                }

                bool topic = terms[0] is "north" or "south";
                if (!topic)
                {
                    keys.Add(terms[0]);
                }

                if (previous is not null && !(previousTopic && topic))
                {
                    keys.Add(previous + " " + terms[0]);
                }

                (previous, previousTopic) = (terms[0], topic);
            }
        }

        return keys.Count;
    }

    [Fact]
    public void SameInput_SameTerms_WhateverTheOrderOfTheArticles()
    {
        var corpus = Corpus();
        string Render(IReadOnlyList<SideFraming> framing) => string.Join("\n", framing.SelectMany(f => f.Terms.Select(t => $"{f.Side.Id} {t.Term} {t.Z}")));

        Assert.Equal(Render(new LogOddsFramingAnalyzer().Analyze(Topic, corpus)), Render(new LogOddsFramingAnalyzer().Analyze(Topic, corpus.AsEnumerable().Reverse().ToArray())));
    }

    [Fact]
    public void OneSide_OrMaxTermsZero_GivesNoFraming_AndBadOptionsAreRefused()
    {
        var single = TestArticles.Topic("north", TestArticles.Side("north", "North"));
        Assert.Empty(new LogOddsFramingAnalyzer().Analyze(single, Corpus()));
        Assert.Empty(new LogOddsFramingAnalyzer(new FramingOptions { MaxTerms = 0 }).Analyze(Topic, Corpus()));
        Assert.Throws<ArgumentException>(() => new LogOddsFramingAnalyzer(new FramingOptions { PriorStrength = 0 }));
        Assert.Throws<ArgumentException>(() => new LogOddsFramingAnalyzer(new FramingOptions { MinSideArticles = 0 }));
    }

    [Fact]
    public void AHyphenatedCompound_CountsWithItsOpenForm()
    {
        var articles = Enumerable.Range(0, 6).Select(i => new ClassifiedArticle
        {
            Article = TestArticles.Article(i % 2 == 0 ? "North curbs rare-earth exports" : "North curbs rare earth exports", link: $"https://n.example/{i}", feed: TestArticles.Feed("north")),
            Perspective = new PerspectiveAssignment { SideId = "north", Confidence = 1, Reason = "test" },
        }).Concat(Enumerable.Range(0, 6).Select(i => new ClassifiedArticle
        {
            Article = TestArticles.Article("South weighs its options", link: $"https://s.example/{i}", feed: TestArticles.Feed("south")),
            Perspective = new PerspectiveAssignment { SideId = "south", Confidence = 1, Reason = "test" },
        })).ToArray();

        var north = new LogOddsFramingAnalyzer(new FramingOptions { MinZ = 0 }).Analyze(Topic, articles)[0].Terms;

        // "rare-earth" and "rare earth" are one term: every North article uses it.
        var rare = Assert.Single(north, t => t.Term.Contains("rare", StringComparison.Ordinal));
        Assert.Equal(6, rare.SideCount);
    }
}
