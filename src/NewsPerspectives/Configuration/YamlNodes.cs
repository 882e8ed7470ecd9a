using YamlDotNet.RepresentationModel;

namespace NewsPerspectives;

/// <summary>Small helpers over YamlDotNet's representation model whose errors name the file, line, column and field.</summary>
internal class YamlNodes(string file)
{
    /// <summary>The file named in errors.</summary>
    public string FilePath { get; } = file;

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The child at <paramref name="key"/>; when missing, the error names <paramref name="displayKey"/> (default: the key).</summary>
    public YamlNode Required(YamlMappingNode node, string key, string field, string? displayKey = null) =>
        Child(node, key) ?? throw Error(node, field.Length == 0 ? displayKey ?? key : $"{field}.{displayKey ?? key}", "missing required field");

    /// <summary>Rejects keys other than <paramref name="allowed"/> and <paramref name="alsoAccepted"/> (accepted quietly, not suggested in the error).</summary>
    public void Expect(YamlMappingNode node, string field, string[] allowed, IReadOnlySet<string>? alsoAccepted = null)
    {
        foreach (var (key, _) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal) && alsoAccepted?.Contains(name) != true)
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
        return text switch
        {
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            _ => throw Error(node, field, $"'{text}' is not true or false"),
        };
    }

    public List<string> Strings(YamlNode node, string field) =>
        Sequence(node, field).Children.Select((child, i) => Scalar(child, $"{field}[{i}]")).ToList();

    public YamlMappingNode Mapping(YamlNode node, string field) =>
        node as YamlMappingNode ?? throw Error(node, field, "expected a mapping (key: value pairs)");

    public YamlSequenceNode Sequence(YamlNode node, string field) =>
        node as YamlSequenceNode ?? throw Error(node, field, "expected a list");

    public ConfigurationException Error(YamlNode node, string field, string problem) =>
        new(FilePath, (int)node.Start.Line, (int)node.Start.Column, field, problem);
}
