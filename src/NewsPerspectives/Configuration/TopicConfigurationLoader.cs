using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsPerspectives;

/// <summary>
/// Loads topics from YAML (or JSON, which YAML reads too): this library's format, and the seed system's
/// <c>topics.json</c> unchanged. Every error names the file, the line and column, and the field.
/// </summary>
/// <remarks>See <c>docs/configuration.md</c> for the format.</remarks>
public static partial class TopicConfigurationLoader
{
    /// <summary>The Google News search endpoint used unless a configuration sets <c>googleNewsBaseUrl</c>.</summary>
    public const string DefaultGoogleNewsBaseUrl = "https://news.google.com/rss/search";

    // Seed keys that have no effect here; accepted so the seed's topics.json loads unchanged.
    private static readonly HashSet<string> IgnoredSeedSettings = new(StringComparer.Ordinal) { "minArticlesPerFeed", "deduplicationSimilarityThreshold" };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicIdPattern();

    [GeneratedRegex("^[a-z][a-zA-Z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SideIdPattern();

    [GeneratedRegex(@"^\s*(?<n>\d+(?:\.\d+)?)\s*(?<u>d|h|m|s|days?|hours?|minutes?)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    /// <summary>Loads a configuration file.</summary>
    /// <param name="path">The YAML or JSON file.</param>
    /// <returns>The configuration; relative feed paths are resolved against the file's folder.</returns>
    /// <exception cref="ConfigurationException">The file is missing, malformed or invalid.</exception>
    public static NewsPerspectivesConfiguration LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = ConfigurationFile.ReadAllText(path, "the file");
        return Load(text, path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Loads a configuration from text.</summary>
    /// <param name="yaml">The YAML or JSON text.</param>
    /// <param name="sourceName">The name used in errors (a file path).</param>
    /// <param name="baseDirectory">Folder against which relative feed paths resolve; the current folder when <see langword="null"/>.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ConfigurationException">The text is malformed or invalid.</exception>
    public static NewsPerspectivesConfiguration Load(string yaml, string sourceName = "(config)", string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var reader = new Reader(sourceName, baseDirectory ?? Directory.GetCurrentDirectory());
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex) when (ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && IndentationTab(yaml, (int)ex.Start.Line) is { } tab)
        {
            // YamlDotNet marks where the enclosing scalar or mapping began, often the line before the tab.
            throw new ConfigurationException(sourceName, tab.Line, tab.Column, "(syntax)", $"malformed YAML: a tab in the indentation (YAML indents with spaces only): {ex.Message}", ex);
        }
        catch (YamlException ex)
        {
            throw new ConfigurationException(sourceName, (int)ex.Start.Line, (int)ex.Start.Column, "(syntax)", $"malformed YAML: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigurationException(sourceName, 1, 1, "(root)", "expected a mapping with a 'topics' list");
        }

        return reader.ReadRoot(root);
    }

    /// <summary>The 1-based line and column of the first tab in a line's leading white space, from <paramref name="fromLine"/> on.</summary>
    private static (int Line, int Column)? IndentationTab(string yaml, int fromLine)
    {
        var lines = yaml.Split('\n');
        for (int i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var indentation = lines[i].AsSpan()[..(lines[i].Length - lines[i].AsSpan().TrimStart(" \t").Length)];
            int tab = indentation.IndexOf('\t');
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    /// <summary>
    /// Loads topics from a configuration section (<c>appsettings.json</c>, environment variables, a YAML file added as a
    /// configuration source, …) laid out as the YAML file is: <c>settings</c> and <c>topics</c> under the section.
    /// Keys match whatever their case; the same rules apply and the errors name the configuration key instead of a line.
    /// </summary>
    /// <param name="configuration">The section, such as <c>configuration.GetSection("NewsPerspectives")</c>.</param>
    /// <param name="baseDirectory">Folder against which relative feed paths and <c>settings.outlets</c> resolve; the current folder when <see langword="null"/>.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    /// <exception cref="ConfigurationException">The section is invalid (the message names the key and the field).</exception>
    public static NewsPerspectivesConfiguration Load(IConfiguration configuration, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var nodes = new ConfigurationNodes(configuration);
        var reader = new Reader(nodes, baseDirectory ?? Directory.GetCurrentDirectory());
        return reader.ReadRoot(reader.Mapping(nodes.Root, "(root)"));
    }

    /// <summary>Builds the Google News RSS search URL exactly as the seed did (<c>q</c>, <c>hl</c>, <c>gl</c>, <c>ceid</c>).</summary>
    /// <param name="query">The search query.</param>
    /// <param name="language">Language code, e.g. <c>en</c>.</param>
    /// <param name="region">Region code, e.g. <c>US</c>.</param>
    /// <param name="baseUrl">The endpoint; <see cref="DefaultGoogleNewsBaseUrl"/> when <see langword="null"/>.</param>
    public static string GoogleNewsUrl(string query, string language, string region, string? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(region);
        var lang = language.Trim().ToLowerInvariant();
        var reg = region.Trim().ToUpperInvariant();
        return $"{baseUrl ?? DefaultGoogleNewsBaseUrl}?q={Uri.EscapeDataString(query)}&hl={lang}-{reg}&gl={reg}&ceid={reg}:{lang}";
    }

    /// <summary>Parses a duration such as <c>5d</c>, <c>12h</c>, <c>90m</c> or <c>1.00:00:00</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The duration.</param>
    public static bool TryParseDuration(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = DurationPattern().Match(text);
        if (match.Success)
        {
            var n = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            value = char.ToLowerInvariant(match.Groups["u"].Value[0]) switch
            {
                'd' => TimeSpan.FromDays(n),
                'h' => TimeSpan.FromHours(n),
                'm' => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromSeconds(n),
            };
            return value > TimeSpan.Zero;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value > TimeSpan.Zero;
    }

    private sealed class Reader : YamlNodes
    {
        private readonly string _baseDirectory;
        private string? _googleNewsBaseUrl;

        public Reader(string file, string baseDirectory)
            : base(file) => _baseDirectory = baseDirectory;

        public Reader(ConfigurationNodes configuration, string baseDirectory)
            : base(configuration) => _baseDirectory = baseDirectory;

        public NewsPerspectivesConfiguration ReadRoot(YamlMappingNode root)
        {
            if (!FromConfiguration)
            {
                // A configuration section may hold other keys too (the options, "http"): only a file is strict at the root.
                Expect(root, "", ["topics", "settings"]);
            }

            var defaults = new TopicLimits();
            DateTimeOffset? asOf = null;
            string? outletsPath = null;
            OutletRegistry? outlets = null;
            if (Find(root, "settings") is { } settingsNode)
            {
                var settings = Mapping(settingsNode, "settings");
                Expect(settings, "settings", ["maxArticles", "maxArticlesPerTopic", "maxAge", "articleMaxAge", "balanceSides", "asOf", "googleNewsBaseUrl", "outlets"], IgnoredSeedSettings);
                defaults = ReadLimits(settings, "settings", defaults);
                if (Find(settings, "asOf") is { } asOfNode)
                {
                    var text = Scalar(asOfNode, "settings.asOf");
                    if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                    {
                        throw Error(asOfNode, "settings.asOf", $"'{text}' is not a date and time (use e.g. 2026-01-12T04:00:00Z)");
                    }

                    asOf = parsed;
                }

                if (Find(settings, "googleNewsBaseUrl") is { } baseNode)
                {
                    _googleNewsBaseUrl = HttpUrl(baseNode, "settings.googleNewsBaseUrl");
                }

                if (Find(settings, "outlets") is { } outletsNode)
                {
                    var relative = Scalar(outletsNode, "settings.outlets");
                    if (string.IsNullOrWhiteSpace(relative) || relative.Contains("://", StringComparison.Ordinal))
                    {
                        throw Error(outletsNode, "settings.outlets", $"'{relative}' is not a file path (give a YAML outlet registry, relative to this file)");
                    }

                    outletsPath = Path.GetFullPath(Path.Combine(_baseDirectory, relative));
                    if (!File.Exists(outletsPath))
                    {
                        throw Error(outletsNode, "settings.outlets", $"the outlet registry '{outletsPath}' does not exist");
                    }

                    // Errors inside the registry file name that file, its line and the field.
                    outlets = OutletRegistry.Default.Extend(OutletRegistryLoader.LoadFile(outletsPath));
                }
            }

            if (Find(root, "topics") is not { } topicsNode)
            {
                throw Error(root, "topics", "missing: the configuration needs a 'topics' list");
            }

            var topicsSeq = Sequence(topicsNode, "topics");
            if (topicsSeq.Children.Count == 0)
            {
                throw Error(topicsNode, "topics", "the list is empty: the configuration needs at least one topic");
            }
            var topics = new List<TopicDefinition>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < topicsSeq.Children.Count; i++)
            {
                var field = $"topics[{i}]";
                var topicNode = Mapping(topicsSeq.Children[i], field);
                var topic = ReadTopic(topicNode, field, defaults, out bool active);
                if (!ids.Add(topic.Id))
                {
                    throw Error(Find(topicNode, "id")!, $"{field}.id", $"duplicate topic id '{topic.Id}'");
                }

                if (active)
                {
                    topics.Add(topic);
                }
            }

            return new NewsPerspectivesConfiguration { Topics = topics, AsOf = asOf, SourcePath = FilePath, OutletsPath = outletsPath, Outlets = outlets };
        }

        private TopicDefinition ReadTopic(YamlMappingNode node, string field, TopicLimits defaults, out bool active)
        {
            Expect(node, field, ["id", "name", "active", "sides", "perspectives", "feeds", "rssFeeds", "keywords", "limits", "relevance"]);
            var idNode = Required(node, "id", field);
            var id = Scalar(idNode, $"{field}.id");
            if (!TopicIdPattern().IsMatch(id))
            {
                throw Error(idNode, $"{field}.id", $"'{id}' is not a valid topic id: use lowercase letters, digits and '-', at most 64 characters");
            }

            var name = Scalar(Required(node, "name", field), $"{field}.name");
            active = Find(node, "active") is not { } activeNode || Bool(activeNode, $"{field}.active");

            var sidesKey = Find(node, "sides") is not null ? "sides" : "perspectives";
            var sidesNode = Required(node, sidesKey, field, "sides");
            var sidesSeq = Sequence(sidesNode, $"{field}.{sidesKey}");
            var sides = new List<SideDefinition>();
            for (int i = 0; i < sidesSeq.Children.Count; i++)
            {
                var sideField = $"{field}.{sidesKey}[{i}]";
                var sideNode = Mapping(sidesSeq.Children[i], sideField);
                Expect(sideNode, sideField, ["id", "name", "aliases", "countries", "outlets"]);
                var sideIdNode = Required(sideNode, "id", sideField);
                var sideId = Scalar(sideIdNode, $"{sideField}.id");
                if (!SideIdPattern().IsMatch(sideId))
                {
                    throw Error(sideIdNode, $"{sideField}.id", $"'{sideId}' is not a valid side id: start with a lowercase letter; letters, digits and '-' only");
                }

                if (sides.Any(s => s.Id == sideId))
                {
                    throw Error(sideIdNode, $"{sideField}.id", $"duplicate side id '{sideId}'");
                }

                sides.Add(new SideDefinition
                {
                    Id = sideId,
                    Name = Scalar(Required(sideNode, "name", sideField), $"{sideField}.name"),
                    Aliases = Find(sideNode, "aliases") is { } aliases ? Strings(aliases, $"{sideField}.aliases") : [],
                    Countries = Find(sideNode, "countries") is { } countries ? Countries(countries, $"{sideField}.countries") : [],
                    Outlets = Find(sideNode, "outlets") is { } sideOutlets ? Strings(sideOutlets, $"{sideField}.outlets") : [],
                });
            }

            if (sides.Count == 0)
            {
                throw Error(sidesNode, $"{field}.{sidesKey}", "a topic needs at least one side");
            }

            var feedsKey = Find(node, "feeds") is not null ? "feeds" : "rssFeeds";
            var feedsNode = Required(node, feedsKey, field, "feeds");
            var feedsSeq = Sequence(feedsNode, $"{field}.{feedsKey}");
            var feeds = new List<FeedDefinition>();
            for (int i = 0; i < feedsSeq.Children.Count; i++)
            {
                feeds.Add(ReadFeed(Mapping(feedsSeq.Children[i], $"{field}.{feedsKey}[{i}]"), $"{field}.{feedsKey}[{i}]", sides));
            }

            if (feeds.Count == 0)
            {
                throw Error(feedsNode, $"{field}.{feedsKey}", "a topic needs at least one feed");
            }

            var limits = defaults;
            if (Find(node, "limits") is { } limitsNode)
            {
                var limitsMap = Mapping(limitsNode, $"{field}.limits");
                Expect(limitsMap, $"{field}.limits", ["maxArticles", "maxArticlesPerTopic", "maxAge", "articleMaxAge", "balanceSides"]);
                limits = ReadLimits(limitsMap, $"{field}.limits", defaults);
            }

            return new TopicDefinition
            {
                Id = id,
                Name = name,
                Sides = sides,
                Feeds = feeds,
                Limits = limits,
                Keywords = Find(node, "keywords") is { } keywords ? Strings(keywords, $"{field}.keywords") : [],
                Relevance = Find(node, "relevance") is { } relevanceNode ? ReadRelevance(Mapping(relevanceNode, $"{field}.relevance"), $"{field}.relevance") : null,
            };
        }

        private FeedDefinition ReadFeed(YamlMappingNode node, string field, List<SideDefinition> sides)
        {
            Expect(node, field, ["path", "url", "googleNews", "type", "query", "language", "region", "side", "perspective"]);
            string? side = null;
            var sideKey = Find(node, "side") is not null ? "side" : "perspective";
            if (Find(node, sideKey) is { } sideNode)
            {
                side = Scalar(sideNode, $"{field}.{sideKey}");
                if (!sides.Any(s => s.Id == side))
                {
                    throw Error(sideNode, $"{field}.{sideKey}", $"'{side}' is not one of the topic's sides ({string.Join(", ", sides.Select(s => s.Id))})");
                }
            }

            string? language = Find(node, "language") is { } languageNode ? Scalar(languageNode, $"{field}.language") : null;
            string? region = Find(node, "region") is { } regionNode ? Scalar(regionNode, $"{field}.region") : null;

            var hasPath = Find(node, "path") is not null;
            var hasUrl = Find(node, "url") is not null;
            string? query = null;
            YamlNode? queryNode = null;
            if (Find(node, "googleNews") is { } gn)
            {
                queryNode = gn;
                query = Scalar(gn, $"{field}.googleNews");
            }
            else if (Find(node, "type") is { } typeNode)
            {
                var type = Scalar(typeNode, $"{field}.type");
                if (type is not ("google_news" or "googleNews"))
                {
                    throw Error(typeNode, $"{field}.type", $"unknown feed type '{type}': use 'google_news', or give 'path' or 'url' instead");
                }

                queryNode = Required(node, "query", field);
                query = Scalar(queryNode, $"{field}.query");
            }

            int kinds = (hasPath ? 1 : 0) + (hasUrl ? 1 : 0) + (query is not null ? 1 : 0);
            if (kinds != 1)
            {
                throw Error(node, field, "a feed needs exactly one of 'path', 'url', or 'googleNews' (or 'type: google_news' with 'query')");
            }

            if (query is not null)
            {
                if (string.IsNullOrWhiteSpace(query))
                {
                    throw Error(queryNode!, $"{field}.query", "the Google News query is empty");
                }

                var lang = language ?? "en";
                var reg = region ?? "US";
                return new FeedDefinition
                {
                    Kind = FeedKind.GoogleNews,
                    Location = GoogleNewsUrl(query, lang, reg, _googleNewsBaseUrl),
                    Query = query,
                    Language = lang,
                    Region = reg,
                    Side = side,
                };
            }

            if (hasUrl)
            {
                var urlNode = Find(node, "url")!;
                return new FeedDefinition { Kind = FeedKind.Url, Location = HttpUrl(urlNode, $"{field}.url"), Language = language, Region = region, Side = side };
            }

            var pathNode = Find(node, "path")!;
            var path = Scalar(pathNode, $"{field}.path");
            if (path.Contains("://", StringComparison.Ordinal))
            {
                throw Error(pathNode, $"{field}.path", $"'{path}' looks like a URL: use 'url' for http(s) feeds (file:, ftp: and other schemes are not supported)");
            }

            return new FeedDefinition
            {
                Kind = FeedKind.File,
                Location = Path.GetFullPath(Path.Combine(_baseDirectory, path)),
                Name = path.Replace('\\', '/'),
                Language = language,
                Region = region,
                Side = side,
            };
        }

        private TopicLimits ReadLimits(YamlMappingNode node, string field, TopicLimits defaults)
        {
            int maxArticles = defaults.MaxArticles;
            var maxKey = Find(node, "maxArticles") is not null ? "maxArticles" : "maxArticlesPerTopic";
            if (Find(node, maxKey) is { } maxNode)
            {
                var text = Scalar(maxNode, $"{field}.{maxKey}");
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out maxArticles) || maxArticles < 1 || maxArticles > 10_000)
                {
                    throw Error(maxNode, $"{field}.{maxKey}", $"'{text}' is not a whole number between 1 and 10000");
                }
            }

            var maxAge = defaults.MaxAge;
            var ageKey = Find(node, "maxAge") is not null ? "maxAge" : "articleMaxAge";
            if (Find(node, ageKey) is { } ageNode)
            {
                var text = Scalar(ageNode, $"{field}.{ageKey}");
                if (!TryParseDuration(text, out maxAge))
                {
                    throw Error(ageNode, $"{field}.{ageKey}", $"'{text}' is not a duration (use e.g. 5d, 36h or 90m)");
                }
            }

            bool balance = defaults.BalanceSides;
            if (Find(node, "balanceSides") is { } balanceNode)
            {
                balance = Bool(balanceNode, $"{field}.balanceSides");
            }

            return new TopicLimits { MaxArticles = maxArticles, MaxAge = maxAge, BalanceSides = balance };
        }

        private TopicRelevance ReadRelevance(YamlMappingNode node, string field)
        {
            Expect(node, field, ["enabled", "minScore", "builtInTerms", "outletCountry"]);
            double? minScore = null;
            if (Find(node, "minScore") is { } minNode)
            {
                var text = Scalar(minNode, $"{field}.minScore");
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 1)
                {
                    throw Error(minNode, $"{field}.minScore", $"'{text}' is not a probability between 0 and 1 (the relevance model's score an article needs)");
                }

                minScore = value;
            }

            return new TopicRelevance
            {
                Enabled = Find(node, "enabled") is { } enabledNode ? Bool(enabledNode, $"{field}.enabled") : null,
                MinScore = minScore,
                UseBuiltInTerms = Find(node, "builtInTerms") is { } builtInNode ? Bool(builtInNode, $"{field}.builtInTerms") : null,
                UseOutletCountry = Find(node, "outletCountry") is { } countryNode ? Bool(countryNode, $"{field}.outletCountry") : null,
            };
        }

        private List<string> Countries(YamlNode node, string field)
        {
            var seq = Sequence(node, field);
            var result = new List<string>(seq.Children.Count);
            for (int i = 0; i < seq.Children.Count; i++)
            {
                var text = Scalar(seq.Children[i], $"{field}[{i}]").Trim();
                if (text.Length != 2 || !text.All(char.IsAsciiLetter))
                {
                    throw Error(seq.Children[i], $"{field}[{i}]", $"'{text}' is not an ISO 3166-1 alpha-2 country code (e.g. CN, HK, US)");
                }

                result.Add(text.ToUpperInvariant());
            }

            return result;
        }

        private string HttpUrl(YamlNode node, string field)
        {
            var text = Scalar(node, field);
            if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw Error(node, field, $"'{text}' is not an absolute http or https URL");
            }

            return uri.AbsoluteUri;
        }
    }
}
