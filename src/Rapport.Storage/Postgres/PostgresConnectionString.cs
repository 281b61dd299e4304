using System.Globalization;
using Npgsql;

namespace Rapport.Storage.Postgres;

/// <summary>
/// Reads what users paste: a URI (<c>postgres://user:secret@host:5432/db?sslmode=require</c>, the form of libpq and most
/// hosting providers, https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS) or an Npgsql
/// key/value string (<c>Host=…;Database=…</c>).
/// </summary>
internal static class PostgresConnectionString
{
    public static bool Matches(string database) =>
        database.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || database.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || database.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
        || database.TrimStart().StartsWith("Server=", StringComparison.OrdinalIgnoreCase);

    public static NpgsqlConnectionStringBuilder Parse(string database)
    {
        if (!database.Contains("://", StringComparison.Ordinal))
        {
            return new NpgsqlConnectionStringBuilder(database);
        }

        var uri = new Uri(database);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (path.Length > 0)
        {
            builder.Database = path;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            switch (key.ToLowerInvariant())
            {
                case "sslmode":
                    builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "connect_timeout":
                    builder.Timeout = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                default:
                    builder[key] = value;
                    break;
            }
        }

        return builder;
    }

    /// <summary>Host, port and database, never credentials: safe for messages and logs.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"postgresql://{builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}/{builder.Database}"
        + (string.IsNullOrEmpty(builder.SearchPath) ? "" : $" (schema {builder.SearchPath})");
}
