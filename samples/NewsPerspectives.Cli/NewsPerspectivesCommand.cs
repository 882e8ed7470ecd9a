using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Microsoft.Extensions.DependencyInjection;

namespace NewsPerspectives.Cli;

/// <summary>The <c>newsperspectives</c> command line: the digest run as the root command, and <c>completions</c>.</summary>
internal static class NewsPerspectivesCommand
{
    public static RootCommand Create()
    {
        var options = new CliOptions(KnownFormats());
        var root = new RootCommand("""
            Builds daily "how each side covers the news" digests: Hugo posts, JSON and HTML pages, one per topic.
            With no options it runs the bundled offline snapshot (the seed's five topics) into ./out.
            Progress goes to standard error, the summary to standard output.
            """);
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        root.Validators.Add(options.Validate);
        root.Subcommands.Add(ShellCompletions.Create());
        root.Subcommands.Add(BackfillCommand.Create());
        root.SetAction(new DigestRunCommand(options).RunAsync);
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExitCodes((SynchronousCommandLineAction)help.Action!);
        return root;
    }

    /// <summary>The formats the library's publisher writes by default.</summary>
    private static string[] KnownFormats()
    {
        var services = new ServiceCollection();
        services.AddNewsPerspectives();
        using var provider = services.BuildServiceProvider();
        return [.. provider.GetRequiredService<DigestPublisher>().Formats];
    }

    private sealed class HelpWithExitCodes(SynchronousCommandLineAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            int result = help.Invoke(parseResult);
            if (parseResult.CommandResult.Command is RootCommand)
            {
                parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.Help);
            }

            return result;
        }
    }
}
