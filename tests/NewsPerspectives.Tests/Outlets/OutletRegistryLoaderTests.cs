namespace NewsPerspectives.Tests.Outlets;

public class OutletRegistryLoaderTests
{
    [Fact]
    public void Load_ReadsEveryField()
    {
        var outlets = OutletRegistryLoader.Load("""
            outlets:
              - name: China Daily
                aliases: [Global Edition, 中国日报]
                domains: [chinadaily.com.cn, www.chinadailyasia.com]
                country: cn
                ownership: state
              - name: Unknown Gazette
            """);

        Assert.Equal(2, outlets.Count);
        var first = outlets[0];
        Assert.Equal("China Daily", first.Name);
        Assert.Equal(["Global Edition", "中国日报"], first.Aliases);
        Assert.Equal(["chinadaily.com.cn", "chinadailyasia.com"], first.Domains);
        Assert.Equal("CN", first.Country);
        Assert.Equal(OutletOwnership.State, first.Ownership);
        Assert.Null(outlets[1].Country);
        Assert.Equal(OutletOwnership.Unknown, outlets[1].Ownership);
    }

    [Theory]
    [InlineData("outlets:\n  - name: A\n    country: China\n", 3, "outlets[0].country", "not an ISO 3166-1 alpha-2")]
    [InlineData("outlets:\n  - name: A\n    ownership: government\n", 3, "outlets[0].ownership", "state, public, private or unknown")]
    [InlineData("outlets:\n  - name: A\n    domains: [https://a.example/]\n", 3, "outlets[0].domains[0]", "not a domain name")]
    [InlineData("outlets:\n  - name: A\n    website: a.example\n", 3, "outlets[0].website", "unknown field 'website'")]
    [InlineData("outlets:\n  - aliases: [B]\n", 2, "outlets[0].name", "missing required field")]
    [InlineData("outlets:\n  - name: A\n  - name: B\n    aliases: [ a ]\n", 4, "outlets[1].aliases[0]", "already a name of outlets[0].name")]
    [InlineData("outlets:\n  - name: A\n    aliases: B\n", 3, "outlets[0].aliases", "expected a list")]
    [InlineData("outlet:\n  - name: A\n", 1, "outlet", "unknown field 'outlet'")]
    [InlineData("outlets: [\n", 2, "(syntax)", "malformed YAML")]
    public void Load_InvalidRegistry_NamesFileLineAndField(string yaml, int line, string field, string problem)
    {
        var ex = Assert.Throws<ConfigurationException>(() => OutletRegistryLoader.Load(yaml, "my-outlets.yaml"));

        Assert.Equal("my-outlets.yaml", ex.FilePath);
        Assert.Equal(line, ex.Line);
        Assert.Equal(field, ex.Field);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"my-outlets.yaml({line},", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultRegistry_LoadsWithoutErrors()
    {
        Assert.True(OutletRegistry.Default.Outlets.Count > 1000, $"{OutletRegistry.Default.Outlets.Count} outlets");
        Assert.True(OutletRegistry.Default.DomainCountries.Count > 3000, $"{OutletRegistry.Default.DomainCountries.Count} domains known by country");
    }
}
