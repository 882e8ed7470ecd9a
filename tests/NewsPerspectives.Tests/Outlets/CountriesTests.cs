namespace NewsPerspectives.Tests.Outlets;

public class CountriesTests
{
    [Fact]
    public void Table_HasUniqueCodesAndEachNameBelongsToOneCountry()
    {
        var all = Countries.All;

        Assert.True(all.Count > 190, $"{all.Count} countries");
        Assert.Equal(all.Count, all.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        var owners = all
            .SelectMany(c => c.Names.Concat(c.Demonyms).Concat(c.Capitals).Concat(c.Places).Concat(c.Spanish).Concat(c.Native)
                .Select(t => (Key: TextForMatching.Fold(t), c.Code)))
            .Distinct()
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.Code))}");
        Assert.Empty(owners);
    }

    [Fact]
    public void Parse_BadLine_NamesTheLine()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Countries.Parse("# comment\nJP|Japan|Japanese\n"));

        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jp", "JP")]
    [InlineData("GB", "GB")]
    [InlineData("ZZ", null)]
    [InlineData(null, null)]
    public void Find_ByCode(string? code, string? expected)
    {
        Assert.Equal(expected, Countries.Find(code)?.Code);
    }
}
