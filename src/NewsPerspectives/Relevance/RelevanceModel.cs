using System.Collections.ObjectModel;
using System.Text.Json;

namespace NewsPerspectives;

/// <summary>
/// The weights of <see cref="RelevanceFilter"/>'s logistic model: the probability that an article is on topic is
/// <c>1 / (1 + e^-(Intercept + Σ weight × feature))</c> over the features in <see cref="FeatureNames"/>, and an
/// article is kept when it reaches <see cref="Threshold"/> (unless <see cref="RelevanceOptions.MinScore"/> or a
/// topic's <c>minScore</c> says otherwise).
/// </summary>
/// <remarks>
/// <see cref="Default"/> is the embedded <c>relevance-model.json</c>, trained by the benchmark command
/// <c>relevance-train</c> on the development labels (see <c>docs/quality.md</c>); <see cref="Parse"/> and
/// <see cref="LoadFile"/> read a model of the same shape, such as one retrained on your own labels.
/// </remarks>
public sealed class RelevanceModel
{
    internal const string ResourceName = "NewsPerspectives.Relevance.relevance-model.json";

    private static readonly Lazy<RelevanceModel> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates a model.</summary>
    /// <param name="intercept">The intercept.</param>
    /// <param name="weights">A weight per feature; features it leaves out weigh 0.</param>
    /// <param name="threshold">The probability an article needs to be kept, between 0 and 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
    /// <exception cref="ArgumentException">A weight names an unknown feature, a number is not finite, or the threshold is outside 0–1.</exception>
    public RelevanceModel(double intercept, IReadOnlyDictionary<string, double> weights, double threshold)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (!double.IsFinite(intercept))
        {
            throw new ArgumentException($"the intercept {intercept} is not a finite number", nameof(intercept));
        }

        if (!double.IsFinite(threshold) || threshold < 0 || threshold > 1)
        {
            throw new ArgumentException($"the threshold {threshold} is not a probability between 0 and 1", nameof(threshold));
        }

        foreach (var (name, weight) in weights)
        {
            if (!RelevanceSignals.Names.Contains(name, StringComparer.Ordinal))
            {
                throw new ArgumentException($"'{name}' is not a relevance feature (known: {string.Join(", ", RelevanceSignals.Names)})", nameof(weights));
            }

            if (!double.IsFinite(weight))
            {
                throw new ArgumentException($"the weight of '{name}' is not a finite number", nameof(weights));
            }
        }

        Intercept = intercept;
        Threshold = threshold;
        Weights = new ReadOnlyDictionary<string, double>(RelevanceSignals.Names.ToDictionary(n => n, n => weights.GetValueOrDefault(n), StringComparer.Ordinal));
    }

    /// <summary>The model shipped with the library (trained on the development labels; see <c>docs/quality.md</c>).</summary>
    public static RelevanceModel Default => LazyDefault.Value;

    /// <summary>
    /// The features the filter computes for every article, in a fixed order. Each is 0 or 1 unless its description
    /// says otherwise; <c>docs/configuration.md</c> describes them.
    /// </summary>
    public static IReadOnlyList<string> FeatureNames => RelevanceSignals.Names;

    /// <summary>The intercept (the log-odds of an article with no feature).</summary>
    public double Intercept { get; }

    /// <summary>The weight of every feature of <see cref="FeatureNames"/> (0 for those the model left out).</summary>
    public IReadOnlyDictionary<string, double> Weights { get; }

    /// <summary>The probability an article needs to be kept.</summary>
    public double Threshold { get; }

    /// <summary>The probability that an article with these feature values is on topic.</summary>
    /// <param name="features">Feature values by name; missing features are 0.</param>
    /// <returns>A probability between 0 and 1.</returns>
    public double Probability(IReadOnlyDictionary<string, double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        double z = Intercept;
        foreach (var (name, value) in features)
        {
            z += Weights.GetValueOrDefault(name) * value;
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Reads a model from JSON: <c>{"intercept": -2.1, "threshold": 0.4, "weights": {"bothSidesNamed": 2.3, …}}</c>; other properties are ignored.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name used in errors (a file path).</param>
    /// <returns>The model.</returns>
    /// <exception cref="ConfigurationException">The text is not such a model.</exception>
    public static RelevanceModel Parse(string json, string sourceName = "(relevance model)")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            double Number(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
                ? value.GetDouble()
                : throw new ConfigurationException(sourceName, 0, 0, name, $"expected a number '{name}'");
            if (!root.TryGetProperty("weights", out var weightsElement) || weightsElement.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigurationException(sourceName, 0, 0, "weights", "expected an object 'weights' of feature weights");
            }

            var weights = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var property in weightsElement.EnumerateObject())
            {
                weights[property.Name] = property.Value.ValueKind == JsonValueKind.Number
                    ? property.Value.GetDouble()
                    : throw new ConfigurationException(sourceName, 0, 0, $"weights.{property.Name}", "expected a number");
            }

            return new RelevanceModel(Number("intercept"), weights, Number("threshold"));
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException(sourceName, (int)(ex.LineNumber ?? -1) + 1, (int)(ex.BytePositionInLine ?? -1) + 1, "(syntax)", $"malformed JSON: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException(sourceName, 0, 0, "weights", ex.Message, ex);
        }
    }

    /// <summary>Reads a model file; see <see cref="Parse"/>.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ConfigurationException">The file is missing, unreadable or not such a model.</exception>
    public static RelevanceModel LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(ConfigurationFile.ReadAllText(path, "the relevance model"), path);
    }

    private static RelevanceModel LoadDefault() => Parse(ConfigurationFile.ReadEmbedded(ResourceName), "(default relevance model)");
}
