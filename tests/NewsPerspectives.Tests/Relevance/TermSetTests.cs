namespace NewsPerspectives.Tests.Relevance;

public class TermSetTests
{
    private static readonly Term[] Terms = Term.Compile(
        RelevanceVocabulary.Diplomacy.Concat(RelevanceVocabulary.Domestic).Concat(RelevanceVocabulary.International)
            .Concat(Countries.All.SelectMany(c => c.Names.Concat(c.Demonyms).Concat(c.Capitals).Concat(c.Places).Concat(c.Spanish).Concat(c.Native)))
            .Concat(["es:EU", "US", "America", "Sino*", "中方", "drug boat*", "Line of Control"]));

    [Theory]
    [InlineData("U.S. and China officials meet in Paris", "en-US")]
    [InlineData("Join us as Latin America's leaders meet", "en-US")]
    [InlineData("EU levanta sanciones a la banca pública de Venezuela", "es-VE")]
    [InlineData("EU weighs new sanctions on Venezuela", "en-GB")]
    [InlineData("中方回应日本首相涉台言论", "zh-CN")]
    [InlineData("Sino-Japanese drug boats cross the Line of Control near New Delhi", null)]
    [InlineData("Tokyo's stock index hits a record; Osaka festival draws crowds", "en-US")]
    [InlineData("", "en-US")]
    public void Match_AgreesWithEveryTermsOwnMatch(string text, string? language)
    {
        var set = new TermSet(Terms);
        var prepared = new TextForMatching(text, language);

        var found = set.Match(prepared);

        var expected = Terms.Select(t => t.IsFoundIn(prepared)).ToArray();
        Assert.Equal(expected, found);
        Assert.Equal(text.Length > 0, found.Any(f => f));
    }
}
