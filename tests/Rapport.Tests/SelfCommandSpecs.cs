using Rapport.Cli;

namespace Rapport.Tests;

/// <summary>The command the hints print, for each way of running Rapport.</summary>
public sealed class SelfCommandSpecs : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rapport-self-").FullName;

    [Fact]
    public void Run_from_the_clone_the_hint_is_dotnet_run_on_the_project()
    {
        var clone = Clone();
        var build = Path.Combine(clone, "src", "Rapport", "bin", "Debug", "net10.0");

        var prefix = SelfCommand.Prefix(build, Path.Combine(build, "rapport"), clone, path: "");

        prefix.ShouldBe($"dotnet run --project {Path.Combine("src", "Rapport")} --");
    }

    [Fact]
    public void Installed_on_the_PATH_the_hint_is_rapport()
    {
        var tools = Directory.CreateDirectory(Path.Combine(_folder, "tools")).FullName;
        var shim = Path.Combine(tools, "rapport");
        File.WriteAllText(shim, "");

        var prefix = SelfCommand.Prefix(Path.Combine(_folder, "store"), shim, _folder, tools);

        prefix.ShouldBe("rapport");
    }

    [Fact]
    public void Run_as_an_assembly_elsewhere_the_hint_names_that_assembly()
    {
        var publish = Directory.CreateDirectory(Path.Combine(_folder, "my publish")).FullName;
        var elsewhere = Directory.CreateDirectory(Path.Combine(_folder, "work")).FullName;

        var prefix = SelfCommand.Prefix(publish, "/usr/bin/dotnet", elsewhere, path: "");

        prefix.ShouldBe($"dotnet \"{Path.Combine(publish, "rapport.dll")}\"");
    }

    /// <summary>The clone these tests were built from.</summary>
    private static string Clone()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rapport.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("These tests run from a build inside the clone.");
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
