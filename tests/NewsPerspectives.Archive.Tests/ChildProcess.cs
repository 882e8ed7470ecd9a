using System.Diagnostics;
using System.Reflection;

namespace NewsPerspectives.Archive.Tests;

/// <summary>Runs the archive test writer (tests/NewsPerspectives.Archive.TestWriter) as a separate process.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly Task _error;

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_lines)
                {
                    _lines.Add(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _error = Task.Run(async () => Error = await _process.StandardError.ReadToEndAsync());
    }

    public string Error { get; private set; } = "";

    public Process Process => _process;

    /// <summary>The repository root (the folder with NewsPerspectives.sln).</summary>
    public static string Root => RepositoryRoot();

    public static ChildProcess StartWriter(params string[] arguments)
    {
        var configuration = typeof(ChildProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var writer = Path.Combine(RepositoryRoot(), "tests", "NewsPerspectives.Archive.TestWriter", "bin", configuration, "net10.0", "NewsPerspectives.Archive.TestWriter.dll");
        Assert.True(File.Exists(writer), $"test writer not built at {writer}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(writer);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new ChildProcess(Process.Start(start)!);
    }

    public bool HasPrinted(string line)
    {
        lock (_lines)
        {
            return _lines.Contains(line);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails the test (and kills the process) after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > timeout || _process.HasExited && !condition())
            {
                Kill();
                await _error;
                Assert.Fail($"{what}: not seen within {timeout.TotalSeconds:0} s (exited: {_process.HasExited}); stderr: {Error}");
            }

            await Task.Delay(20);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"the writer did not finish within {timeout.TotalSeconds:0} s");
        }

        await _error;
        return _process.ExitCode;
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "NewsPerspectives.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("repository root not found");
    }
}
