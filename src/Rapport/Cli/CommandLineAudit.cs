using Rapport.Hub.Audit;

namespace Rapport.Cli;

/// <summary>
/// What a command changes goes in the hub's audit log beside what teammates do in the web app, by the operating-system
/// user who ran it (there is no teammate and no client address on the command line).
/// </summary>
internal static class CommandLineAudit
{
    public static Task RecordAsync(IAuditStore store, string action, string? subject = null, string? detail = null, CancellationToken cancellationToken = default) =>
        store.AppendAuditEntryAsync(new NewAuditEntry(action, new AuditActor(null, $"{Environment.UserName} (command line)", null), null, subject, detail), cancellationToken);
}
