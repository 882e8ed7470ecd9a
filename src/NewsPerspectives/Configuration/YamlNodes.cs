using YamlDotNet.RepresentationModel;

namespace NewsPerspectives;

/// <summary>
/// Small helpers over YamlDotNet's representation model whose errors name the file, line, column and field. The same
/// helpers read a node tree built from an <c>IConfiguration</c> section (<see cref="ConfigurationNodes"/>): then keys
/// match whatever their case, an empty value is an empty list or mapping, and errors name the configuration key.
/// </summary>
internal class YamlNodes
{
    private readonly ConfigurationNodes? _configuration;
    private readonly StringComparison _keys;

    /// <summary>Helpers over a YAML document read from <paramref name="file"/>.</summary>
    public YamlNodes(string file)
    {
        FilePath = file;
        _keys = StringComparison.Ordinal;
    }

    /// <summary>Helpers over a tree converted from an <c>IConfiguration</c> section.</summary>
    public YamlNodes(ConfigurationNodes configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _configuration = configuration;
        FilePath = configuration.SourceName;
        _keys = StringComparison.OrdinalIgnoreCase;
    }

    /// <summary>The file named in errors.</summary>
    public string FilePath { get; }

    /// <summary>Whether the tree came from <c>IConfiguration</c> rather than a YAML file.</summary>
    public bool FromConfiguration => _configuration is not null;

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The child at <paramref name="key"/> (any case when the tree came from <c>IConfiguration</c>), or <see langword="null"/>.</summary>
    public YamlNode? Find(YamlMappingNode node, string key)
    {
        if (_configuration is null)
        {
            return Child(node, key);
        }

        foreach (var (name, value) in node.Children)
        {
            if (string.Equals((name as YamlScalarNode)?.Value, key, _keys))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The child at <paramref name="key"/>; when missing, the error names <paramref name="displayKey"/> (default: the key).</summary>
    public YamlNode Required(YamlMappingNode node, string key, string field, string? displayKey = null) =>
        Find(node, key) ?? throw Error(node, field.Length == 0 ? displayKey ?? key : $"{field}.{displayKey ?? key}", "missing required field");

    /// <summary>Rejects keys other than <paramref name="allowed"/> and <paramref name="alsoAccepted"/> (accepted quietly, not suggested in the error).</summary>
    public void Expect(YamlMappingNode node, string field, string[] allowed, IReadOnlySet<string>? alsoAccepted = null)
    {
        foreach (var (key, _) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Any(a => string.Equals(a, name, _keys)) && alsoAccepted?.Any(a => string.Equals(a, name, _keys)) != true)
            {
                throw Error(key, field.Length == 0 ? name : $"{field}.{name}", $"unknown field '{name}' (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    public string Scalar(YamlNode node, string field) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(node, field, "expected a single value");

    public bool Bool(YamlNode node, string field)
    {
        var text = Scalar(node, field);
        return text.ToLowerInvariant() switch
        {
            "true" or "yes" => true,
            "false" or "no" => false,
            _ => throw Error(node, field, $"'{text}' is not true or false"),
        };
    }

    public List<string> Strings(YamlNode node, string field) =>
        Sequence(node, field).Children.Select((child, i) => Scalar(child, $"{field}[{i}]")).ToList();

    public YamlMappingNode Mapping(YamlNode node, string field) =>
        node as YamlMappingNode
        ?? (IsEmptyValue(node) ? new YamlMappingNode() : null)
        ?? throw Error(node, field, "expected a mapping (key: value pairs)");

    public YamlSequenceNode Sequence(YamlNode node, string field) =>
        node as YamlSequenceNode
        ?? (IsEmptyValue(node) ? new YamlSequenceNode() : null)
        ?? throw Error(node, field, "expected a list");

    public ConfigurationException Error(YamlNode node, string field, string problem) => _configuration is { } configuration
        ? new(configuration.Locate(node), 0, 0, field, problem)
        : new(FilePath, (int)node.Start.Line, (int)node.Start.Column, field, problem);

    /// <summary>IConfiguration keeps an empty JSON list or object (<c>[]</c>, <c>{}</c>) as a key with an empty value.</summary>
    private bool IsEmptyValue(YamlNode node) =>
        _configuration is not null && node is YamlScalarNode { Value: null or "" };
}
