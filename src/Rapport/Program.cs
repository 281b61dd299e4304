using Rapport.Cli;

return await RapportCli.Create().Parse(args).InvokeAsync();
