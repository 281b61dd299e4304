using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Storage;
using Rapport.Application.Model;
using Rapport.Hub.Audit;
using Rapport.Hub.Model;

namespace Rapport.Cli;

/// <summary>
/// <c>rapport model load|export</c>: the account model's definitions as a file, for versioning them beside your code.
/// Loading checks the whole document and tries it on every account before anything is saved, like Settings → Metrics.
/// </summary>
internal static class ModelCommand
{
    public static Command Create(CommonOptions common) => new("model", "The account model's definitions as a YAML or JSON file")
    {
        Load(common),
        Export(common),
    };

    private static Command Load(CommonOptions common)
    {
        var file = new Argument<FileInfo>("file") { Description = "A definitions document: .yaml/.yml or .json (told from its text otherwise)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check the document and try it on every account; save nothing" };
        var command = new Command("load", "Validate a definitions file, try it on every account and save it as the next version (nothing is saved while any problem remains)")
        {
            file,
            dryRun,
        };
        common.AddTo(command, intercom: false);
        command.SetAction((result, cancellationToken) => UserErrors.RunAsync(async () =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"rapport: {path.FullName}: no such file");
                return ExitCodes.Error;
            }

            var settings = common.Read(result);
            var text = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            await using var hub = await CommandServices.OpenAsync(settings.Database, TimeProvider.System, cancellationToken);
            var model = hub.GetRequiredService<AccountModelService>();
            var check = result.GetValue(dryRun);
            var saved = await model.SaveDocumentAsync(
                text, ModelDocument.FromFileName(path.Name), $"{Environment.UserName} (command line)", check, cancellationToken);
            if (saved.Problems.Count > 0)
            {
                Console.Error.WriteLine($"rapport: {path.Name}: {(saved.Problems.Count == 1 ? "1 problem" : $"{saved.Problems.Count} problems")}; nothing was saved");
                foreach (var problem in saved.Problems)
                    Console.Error.WriteLine($"  {problem}");
                return ExitCodes.Error;
            }

            if (saved.Saved is { } kept)
                await CommandLineAudit.RecordAsync(hub.GetRequiredService<IAuditStore>(), Web.Audit.AuditActions.ModelSaved, path.Name, $"version {kept.Version}", cancellationToken);
            Console.Out.WriteLine(saved.Saved is { } version
                ? $"Saved as version {version.Version}; {saved.AccountsComputed:N0} accounts recomputed."
                : $"{path.Name} is valid and computes {saved.AccountsComputed:N0} accounts without a problem (dry run: nothing saved).");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Export(CommonOptions common)
    {
        var format = new Option<string>("--format") { Description = "yaml or json", DefaultValueFactory = _ => "yaml" };
        format.AcceptOnlyFromAmong("yaml", "json");
        var command = new Command("export", "Print the definitions in force (the newest saved version) as YAML or JSON") { format };
        common.AddTo(command, intercom: false);
        command.SetAction((result, cancellationToken) => UserErrors.RunAsync(async () =>
        {
            var settings = common.Read(result);
            await using var hub = await CommandServices.OpenAsync(settings.Database, TimeProvider.System, cancellationToken);
            if (await hub.GetRequiredService<IModelStore>().GetModelDefinitionsAsync(cancellationToken) is not { } stored)
            {
                Console.Error.WriteLine("rapport: no definitions are saved yet (rapport model load FILE, or Settings → Metrics)");
                return ExitCodes.Error;
            }

            Console.Out.Write(ModelDocument.Write(stored.Json, result.GetValue(format) == "json" ? ModelFormat.Json : ModelFormat.Yaml));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
