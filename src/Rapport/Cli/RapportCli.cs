using System.CommandLine;

namespace Rapport.Cli;

internal static class RapportCli
{
    public static RootCommand Create()
    {
        var common = new CommonOptions();
        return new RootCommand("Rapport: a self-hosted customer-success hub with a two-way Intercom integration")
        {
            DemoCommand.Create(),
            CheckCommand.Create(common),
            ImportCommand.Create(common),
            PushCommand.Create(common),
            StatusCommand.Create(common),
            ModelCommand.Create(common),
            PlaybooksCommand.Create(common),
            ServeCommand.Create(common),
            KeysCommand.Create(common),
            SimulatorCommand.Create(),
        };
    }
}
