using System.Globalization;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace NewsPerspectives;

/// <summary>
/// An <see cref="IConfiguration"/> section as a YAML node tree, so the topic reader that checks a YAML file checks
/// <c>appsettings.json</c>, environment variables or any other configuration source with the same rules and
/// messages. A section whose child keys are all numbers (<c>topics:0</c>, <c>topics:1</c>) is a list; every node
/// remembers its configuration key, which errors name (there are no lines in <see cref="IConfiguration"/>).
/// </summary>
internal sealed class ConfigurationNodes
{
    private readonly Dictionary<YamlNode, string> _paths = new(ReferenceEqualityComparer.Instance);

    public ConfigurationNodes(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = (configuration as IConfigurationSection)?.Path ?? "";
        SourceName = path.Length == 0 ? "configuration" : $"configuration '{path}'";
        Root = Convert(configuration, path);
    }

    /// <summary>What errors name when a node's key is unknown: <c>configuration 'NewsPerspectives'</c>.</summary>
    public string SourceName { get; }

    /// <summary>The section as a mapping.</summary>
    public YamlNode Root { get; }

    /// <summary>Where a node came from, for errors: <c>configuration 'NewsPerspectives:topics:0:feeds:1:side'</c>.</summary>
    public string Locate(YamlNode node) =>
        _paths.TryGetValue(node, out var path) && path.Length > 0 ? $"configuration '{path}'" : SourceName;

    private YamlNode Convert(IConfiguration configuration, string path)
    {
        var children = configuration.GetChildren().ToList();
        YamlNode node;
        if (children.Count == 0)
        {
            node = new YamlScalarNode((configuration as IConfigurationSection)?.Value);
        }
        else if (children.All(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            var items = children.OrderBy(c => int.Parse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture)).Select(c => Convert(c, c.Path));
            node = new YamlSequenceNode(items);
        }
        else
        {
            var mapping = new YamlMappingNode();
            foreach (var child in children)
            {
                var key = new YamlScalarNode(child.Key);
                _paths[key] = child.Path;
                mapping.Add(key, Convert(child, child.Path));
            }

            node = mapping;
        }

        _paths[node] = path;
        return node;
    }
}
