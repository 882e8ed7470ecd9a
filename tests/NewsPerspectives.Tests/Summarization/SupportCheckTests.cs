using static NewsPerspectives.Tests.Summarization.SummaryTestData;

namespace NewsPerspectives.Tests.Summarization;

public sealed class SupportCheckTests
{
    private static readonly SupportCheck Check = new();

    private static (TopicDefinition Topic, DigestSource[] Sources) Fixture()
    {
        var (topic, sources, _) = ChinaJapan();
        return (topic, sources);
    }

    [Fact]
    public void AParaphrase_IsSupportedByItsSource_AndNotByAnUnrelatedOne()
    {
        var (topic, sources) = Fixture();

        var verdict = Check.Check("Japan starts a deep-sea rare earth mining test near Minamitorishima.", [sources[4], sources[6]], topic);

        Assert.True(verdict.IsSupported, verdict.Reason);
        Assert.Equal([5], verdict.Supporting);
        Assert.Equal([7], verdict.Unsupporting);
        Assert.Empty(verdict.MissingNames);
        Assert.Equal("", verdict.Reason);
    }

    [Fact]
    public void ANameNoSourceHas_IsNotSupported_AndNamed()
    {
        var (topic, sources) = Fixture();

        var verdict = Check.Check("Angela Merkel warns Japan over deep-sea rare earth mining near Minamitorishima.", [sources[0]], topic);

        Assert.False(verdict.IsSupported);
        Assert.Equal(["Angela Merkel"], verdict.MissingNames);
        Assert.Equal("names not in its sources: Angela Merkel", verdict.Reason);
    }

    [Theory]
    [InlineData("China warns Japan over 40 deep-sea rare earth mining tests.", "40")]
    [InlineData("China warns Japan over deep-sea rare earth mining in 1987.", "1987")]
    public void ANumberNoSourceHas_IsNotSupported(string bullet, string number)
    {
        var (topic, sources) = Fixture();

        var verdict = Check.Check(bullet, [sources[0]], topic);

        Assert.False(verdict.IsSupported);
        Assert.Equal([number], verdict.MissingNumbers);
    }

    [Fact]
    public void Numbers_MatchWithThousandsSeparators_AndSmallNumbersWrittenAsWords()
    {
        var topic = Topic("china", "japan");
        var sources = SummaryTestData.Sources(topic,
            new Spec("japan", "Kyodo", "Two hours, 23,000 words: the interview"),
            new Spec("japan", "NHK", "Quake cuts power to 87000 homes"));

        Assert.True(Check.Check("The interview ran 2 hours and 23000 words.", [sources[0]], topic).IsSupported);
        Assert.True(Check.Check("The quake cut power to 87,000 homes.", [sources[1]], topic).IsSupported);
    }

    [Fact]
    public void TheTopicsNames_DemonymsAndCapitals_AlwaysCountAsFound()
    {
        var (topic, sources) = Fixture();

        // Source 5 says "Japan begins deep-sea rare earth mining test off Minamitorishima": no "Tokyo", "Beijing" or "Chinese".
        var verdict = Check.Check("Tokyo begins the deep-sea rare earth mining test that Beijing and Chinese media watch.", [sources[4]], topic);

        Assert.True(verdict.IsSupported, verdict.Reason);
    }

    [Fact]
    public void WordsAreComparedByStem_AndCoverageWordsAreNotClaims()
    {
        var topic = Topic("china", "japan");
        var sources = SummaryTestData.Sources(topic, new Spec("china", "Global Times", "China warns of Japanese militarism"));

        var verdict = Check.Check("Chinese outlets emphasize warnings about militarism.", [sources[0]], topic);

        Assert.True(verdict.IsSupported, verdict.Reason);
        Assert.Equal(1.0, verdict.ContentShare);
    }

    [Fact]
    public void TheOutlet_CountsAsPartOfItsSource()
    {
        var topic = Topic("china", "japan");
        var sources = SummaryTestData.Sources(topic, new Spec("japan", "The Japan Times", "China's top diplomat warns Japan of 'ghosts of militarism'"));

        Assert.True(Check.Check("The Japan Times noted China's warnings about militarism.", [sources[0]], topic).IsSupported);
        Assert.False(Check.Check("The Asahi Shimbun noted China's warnings about militarism.", [sources[0]], topic).IsSupported);
    }

    [Fact]
    public void TooFewOfTheBulletsWords_InItsSources_IsNotSupported()
    {
        var (topic, sources) = Fixture();

        var verdict = Check.Check("Regional stability worsens as diplomats trade accusations over fishing quotas and mining.", [sources[0]], topic);

        Assert.False(verdict.IsSupported);
        Assert.Contains("of its words are in its sources (needs 20", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenCandidates_ItAttributesAnUncitedBulletToTheSourcesThatSupportIt()
    {
        var (topic, sources) = Fixture();

        var verdict = Check.Check("Japan's rare earth mud mining test near Minamitorishima could cut its reliance on China.", sources, topic);

        Assert.True(verdict.IsSupported, verdict.Reason);
        Assert.Equal([1, 2, 5, 6], verdict.Supporting);
    }

    [Fact]
    public void ALoneCapitalisedFirstWord_IsNotCheckedAsAName_ButAFirstTwoWordNameIs()
    {
        var (topic, sources) = Fixture();

        Assert.True(Check.Check("Concerns grow over deep-sea rare earth mining near Minamitorishima.", [sources[0]], topic).IsSupported);
        Assert.Equal(["Olaf Scholz"], Check.Check("Olaf Scholz warns over deep-sea rare earth mining near Minamitorishima.", [sources[0]], topic).MissingNames);
    }

    [Fact]
    public void Disabled_EverySourceSupportsEveryBullet_AndBadOptionsAreRefused()
    {
        var (topic, sources) = Fixture();
        var off = new SupportCheck(new SupportCheckOptions { Enabled = false });

        var verdict = off.Check("Angela Merkel says 99 things.", [sources[0], sources[3]], topic);

        Assert.True(verdict.IsSupported);
        Assert.Equal([1, 4], verdict.Supporting);
        Assert.Throws<ArgumentException>(() => new SupportCheck(new SupportCheckOptions { MinContentShare = 1.5 }));
        Assert.Throws<ArgumentException>(() => new SupportCheck(new SupportCheckOptions { MinSharedWords = 0 }));
    }
}
