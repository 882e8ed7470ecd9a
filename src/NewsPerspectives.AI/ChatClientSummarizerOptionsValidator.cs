using Microsoft.Extensions.Options;

namespace NewsPerspectives;

/// <summary>Validates <see cref="ChatClientSummarizerOptions"/> when first used and at a host's start, reporting every problem.</summary>
internal sealed class ChatClientSummarizerOptionsValidator : IValidateOptions<ChatClientSummarizerOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatClientSummarizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().Select(p => p.Message).ToArray();
        return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
