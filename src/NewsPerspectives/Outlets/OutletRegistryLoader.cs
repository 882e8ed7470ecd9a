using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsPerspectives;

/// <summary>
/// Reads outlet registry files (YAML). Every error names the file, the line and column, and the field.
/// </summary>
/// <remarks>
/// The format (see <c>docs/configuration.md</c>):
/// <code>
/// outlets:
///   - name: China Daily                 # canonical name, required
///     aliases: [Global Edition, China Daily Global Edition]
///     domains: [chinadaily.com.cn]      # sub-domains match too
///     country: CN                       # ISO 3166-1 alpha-2
///     ownership: state                  # state | public | private | unknown
/// </code>
/// </remarks>
public static partial class OutletRegistryLoader
{
    [GeneratedRegex("^[A-Za-z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();

    /// <summary>Loads a registry file.</summary>
    /// <param name="path">The YAML file.</param>
    /// <returns>The outlets, in file order.</returns>
    /// <exception cref="ConfigurationException">The file is missing, malformed or invalid.</exception>
    public static IReadOnlyList<OutletInfo> LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Load(ConfigurationFile.ReadAllText(path, "the outlet registry"), path);
    }

    /// <summary>Loads a registry from YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The name used in errors (a file path).</param>
    /// <returns>The outlets, in file order.</returns>
    /// <exception cref="ConfigurationException">The text is malformed or invalid.</exception>
    public static IReadOnlyList<OutletInfo> Load(string yaml, string sourceName = "(outlets)")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new ConfigurationException(sourceName, (int)ex.Start.Line, (int)ex.Start.Column, "(syntax)", $"malformed YAML: {ex.Message}", ex);
        }

        var nodes = new YamlNodes(sourceName);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigurationException(sourceName, 1, 1, "(root)", "expected a mapping with an 'outlets' list");
        }

        nodes.Expect(root, "", ["outlets"]);
        var list = nodes.Sequence(nodes.Required(root, "outlets", ""), "outlets");
        var outlets = new List<OutletInfo>(list.Children.Count);
        var names = new Dictionary<string, (string Field, YamlNode Node)>(StringComparer.Ordinal);
        for (int i = 0; i < list.Children.Count; i++)
        {
            var field = $"outlets[{i}]";
            var node = nodes.Mapping(list.Children[i], field);
            nodes.Expect(node, field, ["name", "aliases", "domains", "country", "ownership"]);
            var nameNode = nodes.Required(node, "name", field);
            var name = nodes.Scalar(nameNode, $"{field}.name").Trim();
            if (OutletRegistry.NormalizeName(name).Length == 0)
            {
                throw nodes.Error(nameNode, $"{field}.name", "the outlet name is empty");
            }

            var aliasNodes = YamlNodes.Child(node, "aliases") is { } aliasNode ? nodes.Sequence(aliasNode, $"{field}.aliases").Children.ToList() : [];
            var aliases = aliasNodes.Select((n, j) => nodes.Scalar(n, $"{field}.aliases[{j}]").Trim()).ToList();
            // Every name and alias must belong to one outlet of the file, or lookups would depend on file order.
            var keys = aliases.Select((a, j) => (Text: a, Node: aliasNodes[j], Field: $"{field}.aliases[{j}]")).Prepend((Text: name, Node: nameNode, Field: $"{field}.name"));
            foreach (var (text, keyNode, keyField) in keys)
            {
                var key = OutletRegistry.NormalizeName(text);
                if (key.Length == 0)
                {
                    throw nodes.Error(keyNode, keyField, "the alias is empty");
                }

                if (names.TryGetValue(key, out var first) && !first.Field.StartsWith(field + ".", StringComparison.Ordinal))
                {
                    throw nodes.Error(keyNode, keyField, $"'{text}' is already a name of {first.Field} (line {first.Node.Start.Line})");
                }

                names.TryAdd(key, (keyField, keyNode));
            }

            var domains = new List<string>();
            if (YamlNodes.Child(node, "domains") is { } domainsNode)
            {
                var seq = nodes.Sequence(domainsNode, $"{field}.domains");
                for (int j = 0; j < seq.Children.Count; j++)
                {
                    var text = nodes.Scalar(seq.Children[j], $"{field}.domains[{j}]");
                    var host = OutletRegistry.NormalizeHost(text);
                    if (host is null || text.Contains('/', StringComparison.Ordinal))
                    {
                        throw nodes.Error(seq.Children[j], $"{field}.domains[{j}]", $"'{text}' is not a domain name (write e.g. cgtn.com, without a scheme or path)");
                    }

                    domains.Add(host);
                }
            }

            string? country = null;
            if (YamlNodes.Child(node, "country") is { } countryNode)
            {
                var text = nodes.Scalar(countryNode, $"{field}.country").Trim();
                if (!CountryPattern().IsMatch(text))
                {
                    throw nodes.Error(countryNode, $"{field}.country", $"'{text}' is not an ISO 3166-1 alpha-2 country code (e.g. CN, HK, US)");
                }

                country = text.ToUpperInvariant();
            }

            var ownership = OutletOwnership.Unknown;
            if (YamlNodes.Child(node, "ownership") is { } ownershipNode)
            {
                var text = nodes.Scalar(ownershipNode, $"{field}.ownership").Trim();
                ownership = text.ToLowerInvariant() switch
                {
                    "state" => OutletOwnership.State,
                    "public" => OutletOwnership.Public,
                    "private" => OutletOwnership.Private,
                    "unknown" => OutletOwnership.Unknown,
                    _ => throw nodes.Error(ownershipNode, $"{field}.ownership", $"'{text}' is not an ownership: use state, public, private or unknown"),
                };
            }

            outlets.Add(new OutletInfo { Name = name, Aliases = aliases, Domains = domains, Country = country, Ownership = ownership });
        }

        return outlets;
    }
}
