namespace NewsPerspectives.Tests.Configuration;

public sealed class OutletAndRelevanceConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("np-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Topic = """
        topics:
          - id: china-japan
            name: China vs Japan
            keywords: [Senkaku]
            relevance:
              minScore: 0.4
              enabled: true
              builtInTerms: false
              outletCountry: no
            sides:
              - id: china
                name: China
                aliases: [Beijing]
                countries: [cn, HK]
                outlets: [Nikkei Asia]
              - id: japan
                name: Japan
                countries: [JP]
            feeds:
              - path: feeds/china.xml
                side: china
        """;

    [Fact]
    public void LoadFile_SettingsOutlets_ExtendsTheDefaultRegistryFromAPathRelativeToTheConfig()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "conf"));
        File.WriteAllText(Path.Combine(_folder, "conf", "my-outlets.yaml"), "outlets:\n  - name: Valley Gazette\n    aliases: [VG]\n    country: JP\n");
        var path = Path.Combine(_folder, "conf", "topics.yaml");
        File.WriteAllText(path, "settings:\n  outlets: my-outlets.yaml\n" + Topic);

        var config = TopicConfigurationLoader.LoadFile(path);

        Assert.Equal(Path.Combine(_folder, "conf", "my-outlets.yaml"), config.OutletsPath);
        Assert.NotNull(config.Outlets);
        Assert.Equal("Valley Gazette", config.Outlets.FindByName("vg")?.Name);
        Assert.Equal("Xinhua", config.Outlets.FindByName("新华网")?.Name);
    }

    [Fact]
    public void LoadFile_NoSettingsOutlets_LeavesTheRegistryToTheDefault()
    {
        var config = TopicConfigurationLoader.Load(Topic, "topics.yaml", _folder);

        Assert.Null(config.Outlets);
        Assert.Null(config.OutletsPath);
    }

    [Fact]
    public void LoadFile_ErrorInTheRegistryFile_NamesThatFileAndLine()
    {
        File.WriteAllText(Path.Combine(_folder, "bad-outlets.yaml"), "outlets:\n  - name: A\n    country: Japan\n");
        var path = Path.Combine(_folder, "topics.yaml");
        File.WriteAllText(path, "settings:\n  outlets: bad-outlets.yaml\n" + Topic);

        var ex = Assert.Throws<ConfigurationException>(() => TopicConfigurationLoader.LoadFile(path));

        Assert.Equal(Path.Combine(_folder, "bad-outlets.yaml"), ex.FilePath);
        Assert.Equal(3, ex.Line);
        Assert.Equal("outlets[0].country", ex.Field);
    }

    [Fact]
    public void Load_MissingRegistryFile_IsAConfigurationErrorAtTheSetting()
    {
        var ex = Assert.Throws<ConfigurationException>(() => TopicConfigurationLoader.Load("settings:\n  outlets: nowhere.yaml\n" + Topic, "topics.yaml", _folder));

        Assert.Equal("settings.outlets", ex.Field);
        Assert.Equal(2, ex.Line);
        Assert.Contains("does not exist", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SideRulesAndRelevanceSettings_AreRead()
    {
        var topic = TopicConfigurationLoader.Load(Topic, "topics.yaml", _folder).Topics.Single();

        Assert.Equal(["CN", "HK"], topic.Sides[0].Countries);
        Assert.Equal(["Nikkei Asia"], topic.Sides[0].Outlets);
        Assert.Equal(["JP"], topic.Sides[1].Countries);
        Assert.Equal(["Senkaku"], topic.Keywords);
        Assert.NotNull(topic.Relevance);
        Assert.Equal(0.4, topic.Relevance.MinScore);
        Assert.True(topic.Relevance.Enabled);
        Assert.False(topic.Relevance.UseBuiltInTerms);
        Assert.False(topic.Relevance.UseOutletCountry);
    }

    [Theory]
    [InlineData("countries: [cn, HK]", "countries: [China]", "topics[0].sides[0].countries[0]", "not an ISO 3166-1 alpha-2")]
    [InlineData("minScore: 0.4", "minScore: lots", "topics[0].relevance.minScore", "not a probability between 0 and 1")]
    [InlineData("minScore: 0.4", "minScore: 2", "topics[0].relevance.minScore", "not a probability between 0 and 1")]
    [InlineData("outletCountry: no", "outletCountry: maybe", "topics[0].relevance.outletCountry", "not true or false")]
    [InlineData("enabled: true", "threshold: 2", "topics[0].relevance.threshold", "unknown field 'threshold'")]
    public void Load_InvalidSideRulesOrRelevance_NamesTheField(string good, string bad, string field, string problem)
    {
        var yaml = Topic.Replace(good, bad, StringComparison.Ordinal);
        Assert.NotEqual(Topic, yaml);

        var ex = Assert.Throws<ConfigurationException>(() => TopicConfigurationLoader.Load(yaml, "topics.yaml", _folder));

        Assert.Equal(field, ex.Field);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
        Assert.True(ex.Line > 1);
    }
}
