using System.Text;
using Rapport.Application.Check;
using Rapport.Hub.Sync;

namespace Rapport.Web.Integration;

/// <summary>
/// Runs the pre-enable check against the connected workspace and keeps its last result (for the page, the API and the CSV),
/// tied to the connection it ran on: a new connection needs a new check. The hub keeps a summary of each run for
/// <c>rapport status</c>.
/// </summary>
internal sealed class IntercomCheck(IntercomConnections connections, ISyncStateStore store, TimeProvider timeProvider)
{
    private CheckResult? _last;

    public sealed record CheckResult(string ConnectionKey, IntercomConnectionRecord Connection, PreEnableReport Report, DateTimeOffset RanAt);

    public async Task<CheckResult?> LastAsync(CancellationToken cancellationToken) =>
        await connections.CurrentAsync(cancellationToken) is { } connection && _last is { } last && last.ConnectionKey == connection.ProtectedToken
            ? last
            : null;

    /// <summary>Null when Intercom is not connected.</summary>
    public async Task<CheckResult?> RunAsync(CancellationToken cancellationToken)
    {
        var connection = await connections.CurrentAsync(cancellationToken);
        var client = await connections.ClientAsync(cancellationToken);
        if (connection is null || client is null)
            return null;
        var report = await new PreEnableCheck(client).RunAsync(null, cancellationToken);
        var ranAt = timeProvider.GetUtcNow();
        await PreEnableCheckRun.From(report, ranAt, "the web app").SaveAsync(store, cancellationToken);
        return _last = new CheckResult(connection.ProtectedToken, connection, report, ranAt);
    }

    /// <summary>kind, intercom id, name, email, link: every record the check found without its id.</summary>
    public static string Csv(CheckResult result)
    {
        var csv = new StringBuilder("kind,intercom_id,name,email,link\r\n");
        foreach (var company in result.Report.CompaniesWithoutCompanyId)
            Row(csv, "company", company, result.Connection.CompanyLink(company.IntercomId));
        foreach (var user in result.Report.UsersWithoutUserId)
            Row(csv, "user", user, result.Connection.UserLink(user.IntercomId));
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string kind, MissingId record, Uri link) =>
        csv.Append(kind).Append(',').Append(Field(record.IntercomId)).Append(',').Append(Field(record.Name)).Append(',')
            .Append(Field(record.Email)).Append(',').Append(Field(link.AbsoluteUri)).Append("\r\n");

    // RFC 4180 quoting, and a leading apostrophe so a spreadsheet never runs a name as a formula.
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (value[0] is '=' or '+' or '-' or '@')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
