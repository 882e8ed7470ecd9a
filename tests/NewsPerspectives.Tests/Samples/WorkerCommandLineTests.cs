using DailyWorker;

namespace NewsPerspectives.Tests.Samples;

/// <summary>The worker's command line: its switches, settings passed on to the host's configuration, and errors for anything else.</summary>
public sealed class WorkerCommandLineTests
{
    [Fact]
    public void Switches_AndSettings_AreRead()
    {
        var line = WorkerCommandLine.Parse(["--once", "--topic", "china-japan", "--topic=venezuela", "--Worker:OutputFolder=/srv/site", "--live"]);

        Assert.Null(line.Error);
        Assert.True(line.Once);
        Assert.True(line.Live);
        Assert.False(line.ShowHelp);
        Assert.Equal(["china-japan", "venezuela"], line.Topics);
        Assert.Equal(["--Worker:OutputFolder=/srv/site"], line.ConfigurationArguments);
    }

    [Fact]
    public void ApplyTo_PutsTheSwitchesOverTheConfiguredOptions()
    {
        var options = new WorkerOptions { Topics = ["a", "b", "c"] };
        WorkerCommandLine.Parse(["--once", "--topic", "b"]).ApplyTo(options);
        Assert.True(options.Once);
        Assert.False(options.Live);
        Assert.Equal(["b"], options.Topics);

        var unchanged = new WorkerOptions { Topics = ["a"], Live = true };
        WorkerCommandLine.Parse([]).ApplyTo(unchanged);
        Assert.Equal(["a"], unchanged.Topics);
        Assert.True(unchanged.Live, "a switch that is absent never turns a configured setting off");
    }

    [Theory]
    [InlineData("--onec", "unknown argument '--onec'")]
    [InlineData("once", "unknown argument 'once'")]
    [InlineData("--Worker:OutputFolder", "unknown argument '--Worker:OutputFolder'")] // a setting needs '=value'
    [InlineData("--topic", "--topic needs a topic id")]
    [InlineData("--topic --once", "--topic needs a topic id")]
    public void AnythingElse_IsAnError(string args, string error)
    {
        var line = WorkerCommandLine.Parse(args.Split(' '));
        Assert.NotNull(line.Error);
        Assert.StartsWith(error, line.Error, StringComparison.Ordinal);
    }
}
