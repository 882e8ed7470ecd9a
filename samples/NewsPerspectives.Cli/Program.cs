using System.CommandLine;
using System.CommandLine.Invocation;
using NewsPerspectives.Cli;

// newsperspectives [--config FILE] [--out DIR] [--date yyyy-MM-dd] [--format markdown,json,html] [--stories] [--strict]
//                  [--live [--cache FILE] [--allow-private-addresses]]
// With no --config it runs the bundled offline snapshot (the seed's five topics); --live fetches feeds over HTTP.
var parse = NewsPerspectivesCommand.Create().Parse(args);
var invocation = new InvocationConfiguration
{
    // Ctrl+C or SIGTERM cancels the run's token; the run stops at the next await and reports (exit code 130).
    ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
};
if (parse.Action is ParseErrorAction)
{
    foreach (var error in parse.Errors)
    {
        invocation.Error.WriteLine($"error: {error.Message}");
    }

    invocation.Error.WriteLine("usage: newsperspectives [options]; see newsperspectives --help");
    return ExitCodes.Usage;
}

return await parse.InvokeAsync(invocation);
