using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsPerspectives.Tests.Configuration;

/// <summary>
/// Topics and options from IConfiguration (appsettings.json, environment variables, the YAML file as a configuration
/// source): the same topics as the YAML loader, the same errors, bound options, and a host that fails at start.
/// </summary>
public sealed class ConfigurationSectionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("np-iconfig-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Snapshot(string file) => Path.Combine(TestPaths.Snapshot, file);

    private static IConfigurationRoot Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    /// <summary>Everything a loaded configuration says, as text, so two loads can be compared whole.</summary>
    private static string Describe(NewsPerspectivesConfiguration configuration) =>
        JsonSerializer.Serialize(new { configuration.AsOf, configuration.OutletsPath, configuration.Topics });

    [Fact]
    public void TheSnapshotYaml_AsAConfigurationSource_GivesTheSameTopicsAsTheYamlLoader()
    {
        var fromFile = TopicConfigurationLoader.LoadFile(Snapshot("topics.yaml"));
        var configuration = new ConfigurationBuilder().AddYamlFile(Snapshot("topics.yaml")).Build();
        var fromConfiguration = TopicConfigurationLoader.Load(configuration, TestPaths.Snapshot);
        Assert.Equal(5, fromConfiguration.Topics.Count);
        Assert.Equal(Describe(fromFile), Describe(fromConfiguration));
    }

    [Fact]
    public void TheSeedTopicsJson_AsAJsonConfigurationSource_GivesTheSameTopicsAsTheYamlLoader()
    {
        var fromFile = TopicConfigurationLoader.LoadFile(Snapshot("seed-topics.json"));
        var configuration = new ConfigurationBuilder().AddJsonFile(Snapshot("seed-topics.json")).Build();
        var fromConfiguration = TopicConfigurationLoader.Load(configuration, TestPaths.Snapshot);
        Assert.Equal(Describe(fromFile), Describe(fromConfiguration));
        Assert.Contains(fromConfiguration.Topics.SelectMany(t => t.Feeds), f => f.Kind == FeedKind.GoogleNews);
    }

    [Fact]
    public void ASectionOfAppSettings_WithEnvironmentVariablesOverIt_IsReadWithKeysInAnyCase()
    {
        var prefix = $"NPTEST{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable($"{prefix}NewsPerspectives__Topics__0__Name", "From the environment");
        Environment.SetEnvironmentVariable($"{prefix}NEWSPERSPECTIVES__TOPICS__0__LIMITS__MAXARTICLES", "7");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""
                    {
                      "Logging": { "LogLevel": { "Default": "Warning" } },
                      "NewsPerspectives": {
                        "settings": { "asOf": "2026-01-12T04:00:00Z" },
                        "topics": [
                          {
                            "id": "china-japan",
                            "name": "China vs Japan",
                            "sides": [ { "id": "china", "name": "China" }, { "id": "japan", "name": "Japan", "countries": [ "JP" ] } ],
                            "feeds": [ { "path": "feeds/china-japan/china.xml", "side": "china" }, { "url": "https://example.com/japan.xml", "side": "japan" } ]
                          }
                        ]
                      }
                    }
                    """)))
                .AddEnvironmentVariables(prefix)
                .Build();
            var loaded = TopicConfigurationLoader.Load(configuration.GetSection("NewsPerspectives"), TestPaths.Snapshot);
            var topic = Assert.Single(loaded.Topics);
            Assert.Equal("From the environment", topic.Name);
            Assert.Equal(7, topic.Limits.MaxArticles);
            Assert.Equal(["JP"], topic.Sides[1].Countries);
            Assert.Equal(Snapshot(Path.Combine("feeds", "china-japan", "china.xml")), topic.Feeds[0].Location);
            Assert.Equal(FeedKind.Url, topic.Feeds[1].Kind);
            Assert.Equal(new DateTimeOffset(2026, 1, 12, 4, 0, 0, TimeSpan.Zero), loaded.AsOf);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{prefix}NewsPerspectives__Topics__0__Name", null);
            Environment.SetEnvironmentVariable($"{prefix}NEWSPERSPECTIVES__TOPICS__0__LIMITS__MAXARTICLES", null);
        }
    }

    /// <summary>The same mistake written in YAML and in JSON, and the field the error must name.</summary>
    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "topics: []", """{ "topics": [] }""", "topics" },
        { "topics:\n  - id: a\n    name: A\n    sides: [{id: a, name: A}]\n    feeds: [{path: x.xml, side: b}]", """{ "topics": [ { "id": "a", "name": "A", "sides": [ { "id": "a", "name": "A" } ], "feeds": [ { "path": "x.xml", "side": "b" } ] } ] }""", "topics[0].feeds[0].side" },
        { "topics:\n  - id: a\n    sides: [{id: a, name: A}]\n    feeds: [{path: x.xml}]", """{ "topics": [ { "id": "a", "sides": [ { "id": "a", "name": "A" } ], "feeds": [ { "path": "x.xml" } ] } ] }""", "topics[0].name" },
        { "topics:\n  - id: Bad Id\n    name: A\n    sides: [{id: a, name: A}]\n    feeds: [{path: x.xml}]", """{ "topics": [ { "id": "Bad Id", "name": "A", "sides": [ { "id": "a", "name": "A" } ], "feeds": [ { "path": "x.xml" } ] } ] }""", "topics[0].id" },
        { "topics:\n  - id: a\n    name: A\n    sides: [{id: a, name: A}]\n    feeds: [{path: x.xml}]\n    limits: {maxArticles: 0}", """{ "topics": [ { "id": "a", "name": "A", "sides": [ { "id": "a", "name": "A" } ], "feeds": [ { "path": "x.xml" } ], "limits": { "maxArticles": 0 } } ] }""", "topics[0].limits.maxArticles" },
        { "topics:\n  - id: a\n    name: A\n    colour: red\n    sides: [{id: a, name: A}]\n    feeds: [{path: x.xml}]", """{ "topics": [ { "id": "a", "name": "A", "colour": "red", "sides": [ { "id": "a", "name": "A" } ], "feeds": [ { "path": "x.xml" } ] } ] }""", "topics[0].colour" },
        { "topics:\n  - id: a\n    name: A\n    sides: []\n    feeds: [{path: x.xml}]", """{ "topics": [ { "id": "a", "name": "A", "sides": [], "feeds": [ { "path": "x.xml" } ] } ] }""", "topics[0].sides" },
        { "settings:\n  asOf: yesterday\ntopics: []", """{ "settings": { "asOf": "yesterday" }, "topics": [] }""", "settings.asOf" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void AMistake_GivesTheSameFieldAndProblem_FromYamlAndFromConfiguration(string yaml, string json, string field)
    {
        var fromYaml = Assert.Throws<ConfigurationException>(() => TopicConfigurationLoader.Load(yaml, "topics.yaml", _folder));
        var fromConfiguration = Assert.Throws<ConfigurationException>(() => TopicConfigurationLoader.Load(Json(json), _folder));
        Assert.Equal(field, fromYaml.Field);
        Assert.Equal(fromYaml.Field, fromConfiguration.Field);
        Assert.Equal(fromYaml.Problem, fromConfiguration.Problem);
        Assert.True(fromYaml.Line > 0, "a YAML error names its line");
        Assert.Equal(0, fromConfiguration.Line);
        Assert.StartsWith("configuration '", fromConfiguration.FilePath, StringComparison.Ordinal);
        Assert.StartsWith($"{fromConfiguration.FilePath}: {field}: ", fromConfiguration.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnError_NamesTheConfigurationKey_AsAnEnvironmentVariableUserWritesIt()
    {
        var section = Json("""{ "NewsPerspectives": { "topics": [ { "id": "a", "name": "A", "sides": [ { "id": "a", "name": "A" } ], "feeds": [ { "path": "x.xml", "side": "b" } ] } ] } }""").GetSection("NewsPerspectives");
        var error = Assert.Throws<ConfigurationException>(() => TopicConfigurationLoader.Load(section, _folder));
        Assert.Equal("configuration 'NewsPerspectives:topics:0:feeds:0:side': topics[0].feeds[0].side: 'b' is not one of the topic's sides (a)", error.Message);
    }

    [Fact]
    public void AnEmptyTopicsList_IsAnError_NamingTheFileTheLineAndTheField()
    {
        var path = Path.Combine(_folder, "topics.yaml");
        File.WriteAllText(path, "settings:\n  maxArticles: 10\ntopics: []\n");
        var error = Assert.Throws<ConfigurationException>(() => TopicConfigurationLoader.LoadFile(path));
        Assert.Equal(path, error.FilePath);
        Assert.Equal((3, 9), (error.Line, error.Column));
        Assert.Equal("topics", error.Field);
        Assert.Equal($"{path}(3,9): topics: the list is empty: the configuration needs at least one topic", error.Message);
    }

    [Fact]
    public async Task AddNewsPerspectives_FromASection_BindsTheOptions_AndCodeWinsOverConfiguration()
    {
        var section = Json("""
            {
              "NewsPerspectives": {
                "options": { "Pipeline": { "MaxConcurrentFeeds": 7 }, "Hugo": { "IncludeCitations": false, "Draft": true }, "Summarizer": { "BulletsPerSide": 2 } },
                "http": { "MaxRetries": 3, "Parser": { "MaxDepth": 64 } }
              }
            }
            """).GetSection("NewsPerspectives");
        var services = new ServiceCollection();
        services.AddNewsPerspectives(section, o => o.Hugo.Draft = false).AddHttpFeeds();
        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<NewsPerspectivesOptions>>().Value;
        Assert.Equal(7, options.Pipeline.MaxConcurrentFeeds);
        Assert.False(options.Hugo.IncludeCitations);
        Assert.False(options.Hugo.Draft); // set in code after the binding
        Assert.Equal(2, options.Summarizer.BulletsPerSide);
        var http = provider.GetRequiredService<IOptions<HttpFeedOptions>>().Value;
        Assert.Equal(3, http.MaxRetries);
        Assert.Equal(64, http.Parser.MaxDepth);
        Assert.Null(provider.GetService<NewsPerspectivesConfiguration>()); // no topics in the section: none registered
    }

    [Fact]
    public void AnUnknownOptionKey_IsAnError_NotIgnored()
    {
        var section = Json("""{ "options": { "Sumarizer": { "BulletsPerSide": 2 } } }""");
        var services = new ServiceCollection();
        services.AddNewsPerspectives(section);
        using var provider = services.BuildServiceProvider();
        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<NewsPerspectivesOptions>>().Value);
        Assert.Contains("Sumarizer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BindConfiguration_BindsTheOptionsFromTheHostsConfiguration()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NewsPerspectives:options:Stories:MinArticlesForBlindspot"] = "3",
            ["NewsPerspectives:options:Html:MaxStories"] = "5",
        });
        builder.Services.AddNewsPerspectives();
        builder.Services.AddOptions<NewsPerspectivesOptions>().BindConfiguration("NewsPerspectives:options");
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<NewsPerspectivesOptions>>().Value;
        Assert.Equal(3, options.Stories.MinArticlesForBlindspot);
        Assert.Equal(5, options.Html.MaxStories);
    }

    [Fact]
    public async Task AHost_WithTopicsInAppSettings_RunsThem_WithTheOutletRegistryOfItsSettings()
    {
        File.WriteAllText(Path.Combine(_folder, "my-outlets.yaml"), "outlets:\n  - name: Valley Gazette\n    aliases: [VG]\n    country: JP\n");
        var appsettings = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(appsettings, $$"""
            {
              "NewsPerspectives": {
                "settings": { "asOf": "2026-01-12T04:00:00Z", "outlets": {{JsonSerializer.Serialize(Path.Combine(_folder, "my-outlets.yaml"))}} },
                "topics": [
                  {
                    "id": "china-japan", "name": "China vs Japan",
                    "sides": [ { "id": "china", "name": "China" }, { "id": "japan", "name": "Japan" } ],
                    "feeds": [
                      { "path": {{JsonSerializer.Serialize(Snapshot("feeds/china-japan/china.xml"))}}, "side": "china" },
                      { "path": {{JsonSerializer.Serialize(Snapshot("feeds/china-japan/japan.xml"))}}, "side": "japan" }
                    ]
                  }
                ],
                "options": { "Hugo": { "IncludeCitations": false } }
              }
            }
            """);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddJsonFile(appsettings);
        builder.Services.AddNewsPerspectives(builder.Configuration.GetSection("NewsPerspectives"));
        using var host = builder.Build();
        await host.StartAsync();

        var configuration = host.Services.GetRequiredService<NewsPerspectivesConfiguration>();
        Assert.Same(configuration.Outlets, host.Services.GetRequiredService<OutletRegistry>());
        Assert.Equal("Valley Gazette", host.Services.GetRequiredService<OutletRegistry>().FindByName("vg")?.Name);
        var run = await host.Services.GetRequiredService<DigestPipeline>().RunAsync(configuration.Topics.Single(), configuration.AsOf);
        Assert.Equal(20, run.Digest.Sources.Count);
        var post = await TestPipeline.RenderAsync(host.Services.GetServices<IDigestWriter>().Single(w => w.Format == "markdown"), run);
        Assert.DoesNotMatch(@"\[\d+(, \d+)*\]\n", post); // IncludeCitations: false, from the section
        await host.StopAsync();
    }

    [Fact]
    public async Task AHost_WithBadTopicsInItsConfiguration_FailsAtStart_NamingTheKeyAndTheField()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["NewsPerspectives:topics:0:id"] = "a",
            ["NewsPerspectives:topics:0:name"] = "A",
            ["NewsPerspectives:topics:0:sides:0:id"] = "a",
            ["NewsPerspectives:topics:0:sides:0:name"] = "A",
            ["NewsPerspectives:topics:0:feeds:0:path"] = "x.xml",
            ["NewsPerspectives:topics:0:limits:maxAge"] = "forever",
        });
        builder.Services.AddNewsPerspectives(builder.Configuration.GetSection("NewsPerspectives"));
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Equal(
            "configuration 'NewsPerspectives:topics:0:limits:maxAge': topics[0].limits.maxAge: 'forever' is not a duration (use e.g. 5d, 36h or 90m)",
            Assert.Single(error.Failures));
    }

    [Fact]
    public async Task TheOneCallPath_AppliesALoadedConfiguration_ItsOutletRegistryIncluded()
    {
        var path = Path.Combine(_folder, "topics.yaml");
        File.WriteAllText(Path.Combine(_folder, "my-outlets.yaml"), "outlets:\n  - name: Valley Gazette\n    aliases: [VG]\n    country: JP\n");
        File.WriteAllText(path, $"settings:\n  outlets: my-outlets.yaml\n  googleNewsBaseUrl: http://127.0.0.1:9/rss/search\n  maxArticles: 6\ntopics:\n  - id: a\n    name: A\n    sides: [{{id: a, name: A}}]\n    feeds: [{{googleNews: ceasefire, side: a}}]\n");
        var configuration = TopicConfigurationLoader.LoadFile(path);
        var services = new ServiceCollection();
        services.AddNewsPerspectives(configuration);
        await using var provider = services.BuildServiceProvider();
        Assert.Same(configuration, provider.GetRequiredService<NewsPerspectivesConfiguration>());
        Assert.Same(configuration.Outlets, provider.GetRequiredService<OutletRegistry>());
        var topic = provider.GetRequiredService<NewsPerspectivesConfiguration>().Topics.Single();
        Assert.StartsWith("http://127.0.0.1:9/rss/search?q=ceasefire", topic.Feeds[0].Location, StringComparison.Ordinal);
        Assert.Equal(6, topic.Limits.MaxArticles);
    }
}
