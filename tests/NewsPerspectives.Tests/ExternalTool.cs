using System.Diagnostics;

namespace NewsPerspectives.Tests;

/// <summary>Runs a real program (hugo, dotnet) and captures its output.</summary>
internal static class ExternalTool
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, string workingDirectory, params string[] arguments) =>
        RunAsync(fileName, workingDirectory, TimeSpan.FromMinutes(3), arguments);

    /// <summary>Runs a program; when it outlives <paramref name="timeout"/> its whole process tree is killed and the test fails.</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunAsync(fileName, workingDirectory, timeout, null, arguments);

    /// <summary>Runs a program with extra environment variables (a <see langword="null"/> value removes one).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string fileName, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(fileName, workingDirectory, environment, arguments)) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:0} s and was killed; stderr:\n{await error}");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>The start info of a program with redirected output.</summary>
    public static ProcessStartInfo StartInfo(string fileName, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }

    /// <summary>The path of a program on PATH, or a clear failure (CI installs hugo and chromium; see .ci/run).</summary>
    public static string Require(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"'{name}' is not installed; install it (apt-get install {name}) as .ci/run does");
        return name;
    }
}
