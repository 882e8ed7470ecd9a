namespace NewsPerspectives.Tests.Relevance;

public class RelevanceModelTests
{
    [Fact]
    public void Default_HasAWeightForEveryFeatureAndAThreshold()
    {
        var model = RelevanceModel.Default;

        Assert.Equal(RelevanceModel.FeatureNames.Order(StringComparer.Ordinal), model.Weights.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(model.Threshold, 0.01, 0.99);
        // Trained, not a placeholder: naming both sides must count for, and naming only another country against.
        Assert.True(model.Weights["bothSidesNamed"] > 0);
        Assert.True(model.Weights["thirdParty"] < 0);
    }

    [Fact]
    public void DefaultFile_NamesExactlyTheFeaturesTheFilterComputes()
    {
        // A feature renamed in code but not retrained would be silently weighted 0.
        var json = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "NewsPerspectives", "Relevance", "relevance-model.json"));
        using var document = System.Text.Json.JsonDocument.Parse(json);

        var names = document.RootElement.GetProperty("weights").EnumerateObject().Select(p => p.Name);

        Assert.Equal(RelevanceModel.FeatureNames, names);
    }

    [Fact]
    public void Probability_IsTheLogisticOfTheWeightedSum()
    {
        var model = new RelevanceModel(-1, new Dictionary<string, double> { ["bothSidesNamed"] = 3, ["domestic"] = -0.5 }, 0.4);

        var p = model.Probability(new Dictionary<string, double> { ["bothSidesNamed"] = 1, ["domestic"] = 1, ["page"] = 1 });

        Assert.Equal(1 / (1 + Math.Exp(-1.5)), p, 12);
        Assert.Equal(0, model.Weights["page"]);
    }

    [Fact]
    public void Parse_ReadsTheShapeTheTrainerWrites()
    {
        var model = RelevanceModel.Parse("""{"description": "x", "intercept": -2, "threshold": 0.3, "weights": {"dispute": 1.25}}""");

        Assert.Equal(-2, model.Intercept);
        Assert.Equal(0.3, model.Threshold);
        Assert.Equal(1.25, model.Weights["dispute"]);
    }

    [Theory]
    [InlineData("""{"intercept": 0, "threshold": 0.5, "weights": {"noSuchFeature": 1}}""", "weights", "'noSuchFeature' is not a relevance feature")]
    [InlineData("""{"intercept": 0, "threshold": 1.5, "weights": {}}""", "weights", "not a probability between 0 and 1")]
    [InlineData("""{"threshold": 0.5, "weights": {}}""", "intercept", "expected a number 'intercept'")]
    [InlineData("""{"intercept": 0, "threshold": 0.5, "weights": {"dispute": "high"}}""", "weights.dispute", "expected a number")]
    [InlineData("""{"intercept": 0, "threshold": 0.5}""", "weights", "expected an object 'weights'")]
    [InlineData("""{"intercept": 0,""", "(syntax)", "malformed JSON")]
    public void Parse_BadModel_IsAConfigurationErrorNamingTheField(string json, string field, string problem)
    {
        var ex = Assert.Throws<ConfigurationException>(() => RelevanceModel.Parse(json, "model.json"));

        Assert.Equal("model.json", ex.FilePath);
        Assert.Equal(field, ex.Field);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_Missing_IsAConfigurationError()
    {
        var ex = Assert.Throws<ConfigurationException>(() => RelevanceModel.LoadFile(Path.Combine(Path.GetTempPath(), "no-such-model-7f3a.json")));

        Assert.Equal("(file)", ex.Field);
    }
}
