using Microsoft.Extensions.Options;
using Rapport.Configuration;
using Rapport.Hub.Rules;
using Rapport.Hub.Storage;
using Rapport.Intercom;

namespace Rapport.Cli;

/// <summary>
/// Turns what can go wrong for a user (a bad token, an unreachable host, a broken config or rule, a database that is not
/// Rapport's) into one line and an exit code, never a stack trace. Anything else is a bug and keeps its stack trace.
/// </summary>
internal static class UserErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> command, CancellationToken cancellationToken)
    {
        try
        {
            return await command();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Write("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception) when (Describe(exception) is { } message)
        {
            Write(message);
            return ExitCodes.Error;
        }
    }

    private static string? Describe(Exception exception) => exception switch
    {
        SettingsException or HubStoreException => exception.Message,
        OptionsValidationException invalid => string.Join("; ", invalid.Failures),
        AggregateException { InnerExceptions: var inner } when inner.All(error => error is OptionsValidationException) =>
            string.Join("; ", inner.Cast<OptionsValidationException>().SelectMany(error => error.Failures)),
        RuleSyntaxException => $"qualification {exception.Message}",
        IntercomPatienceExceededException => $"intercom: {exception.Message}. Run the import again to resume it; --patience or import.patience waits longer",
        IntercomException => $"intercom: {exception.Message}",
        _ => null,
    };

    private static void Write(string message) => Console.Error.WriteLine($"rapport: {message}");
}
