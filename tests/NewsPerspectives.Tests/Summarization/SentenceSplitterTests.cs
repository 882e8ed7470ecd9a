namespace NewsPerspectives.Tests.Summarization;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_BreaksAfterFullStops_ButNotAfterAbbreviationsInitialsOrDecimals()
    {
        var text = "U.S. citizens gave $3.5 million, said Mr. Smith of George W. Bush's staff. Donations rose in Jan. and Feb. too! \"Will it last?\" Nobody knows.";

        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(
            [
                "U.S. citizens gave $3.5 million, said Mr. Smith of George W. Bush's staff.",
                "Donations rose in Jan. and Feb. too!",
                "\"Will it last?\"",
                "Nobody knows.",
            ],
            sentences);
    }

    [Fact]
    public void Split_TreatsLinesAsParagraphs_AndCollapsesWhitespace()
    {
        var sentences = SentenceSplitter.Split("Saturday, January 8, 2005\n\nThe  law   passed.\tIt was signed.\n");

        Assert.Equal(["Saturday, January 8, 2005", "The law passed.", "It was signed."], sentences);
    }

    [Fact]
    public void Split_BreaksAtCjkFullStops()
    {
        Assert.Equal(["中国外交部回应。", "日本首相讲话！"], SentenceSplitter.Split("中国外交部回应。日本首相讲话！"));
    }
}
