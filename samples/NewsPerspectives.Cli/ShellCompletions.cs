using System.CommandLine;

namespace NewsPerspectives.Cli;

/// <summary>
/// <c>newsperspectives completions bash</c>: prints a completion script that asks the program itself what can come
/// next through System.CommandLine's <c>[suggest]</c> directive, so completions always match the options.
/// </summary>
internal static class ShellCompletions
{
    private const string Bash = """
        # newsperspectives completion for bash: eval "$(newsperspectives completions bash)"
        _newsperspectives_complete() {
          local IFS=$'\n'
          local suggestions
          suggestions="$("${COMP_WORDS[0]}" "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)"
          COMPREPLY=($(compgen -W "${suggestions}" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _newsperspectives_complete newsperspectives
        """;

    public static Command Create()
    {
        var shell = new Argument<string>("shell") { Description = "The shell: bash" };
        shell.AcceptOnlyFromAmong("bash");
        var command = new Command("completions", "Print a shell completion script, e.g. eval \"$(newsperspectives completions bash)\" in ~/.bashrc");
        command.Arguments.Add(shell);
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine(Bash);
            return ExitCodes.Ok;
        });
        return command;
    }
}
