namespace NewsPerspectives.Tests;

/// <summary>Locations of test data and of the repository, found by walking up from the test binaries (source paths are mapped in CI builds).</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The test data folder in the source tree (golden files are rewritten here when UPDATE_GOLDEN=1).</summary>
    public static string TestData => Path.Combine(RepositoryRoot, "tests", "NewsPerspectives.Tests", "TestData");

    public static string Snapshot => Path.Combine(RepositoryRoot, "samples", "NewsPerspectives.Cli", "snapshot");

    public static bool UpdateGolden => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "NewsPerspectives.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("repository root not found");
    }
}
