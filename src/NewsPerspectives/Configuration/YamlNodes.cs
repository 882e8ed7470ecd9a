using YamlDotNet.RepresentationModel;

namespace NewsPerspectives;

/// <summary>Small helpers over YamlDotNet's representation model whose errors name the file, line, column and field.</summary>
internal sealed class YamlNodes(string file)
{
    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public YamlNode Required(YamlMappingNode node, string key, string field) =>
        Child(node, key) ?? throw Error(node, field.Length == 0 ? key : $"{field}.{key}", "missing required field");

    public void Expect(YamlMappingNode node, string field, string[] allowed)
    {
        foreach (var (key, _) in node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, field.Length == 0 ? name : $"{field}.{name}", $"unknown field '{name}' (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    public string Scalar(YamlNode node, string field) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(node, field, "expected a single value");

    public List<string> Strings(YamlNode node, string field) =>
        Sequence(node, field).Children.Select((child, i) => Scalar(child, $"{field}[{i}]")).ToList();

    public YamlMappingNode Mapping(YamlNode node, string field) =>
        node as YamlMappingNode ?? throw Error(node, field, "expected a mapping (key: value pairs)");

    public YamlSequenceNode Sequence(YamlNode node, string field) =>
        node as YamlSequenceNode ?? throw Error(node, field, "expected a list");

    public ConfigurationException Error(YamlNode node, string field, string problem) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column, field, problem);
}
