using Rapport.IntercomSpecDigest;

// intercom-spec-digest <spec.yaml|spec.json> --commit <upstream commit> [--out <digest.json>]
// Reads one of Intercom's official OpenAPI descriptions and writes its digest: see SpecDigest.
if (args is not [var specPath, .. var options] || specPath.StartsWith('-'))
{
    Console.Error.WriteLine("usage: intercom-spec-digest <api.intercom.io.yaml|.json> --commit <upstream commit> [--out <digest.json>]");
    return 2;
}

var commit = Option("--commit");
var output = Option("--out");
if (commit is null)
{
    Console.Error.WriteLine("--commit is required: the commit of github.com/intercom/Intercom-OpenAPI the file comes from.");
    return 2;
}

try
{
    var digest = SpecDigest.Make(SpecReader.Read(specPath), new DigestSource(SpecDigest.UpstreamPath, commit));
    if (output is null)
    {
        Console.Out.Write(digest);
    }
    else
    {
        File.WriteAllText(output, digest);
        Console.Error.WriteLine($"Wrote {output} ({digest.Length:N0} characters) from {specPath}.");
    }

    return 0;
}
catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"{specPath}: {exception.Message}");
    return 1;
}

string? Option(string name)
{
    var index = Array.IndexOf(options, name);
    return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
}
