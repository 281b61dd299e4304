using System.Globalization;
using Humanizer;
using Rapport.Hub.Retention;

namespace Rapport.Web.Retention;

/// <summary>The database's size and the inbox retention in words, the same on the Settings page and in <c>rapport status</c>.</summary>
internal static class StorageText
{
    public static string Size(DatabaseSize size) => size.Provider == "sqlite"
        ? $"{size.Name} {Bytes(size.TotalBytes)} (file {Bytes(size.Bytes)}, write-ahead log {Bytes(size.WalBytes ?? 0)}, capped at {Bytes(size.WalLimitBytes ?? 0)})"
        : $"PostgreSQL, schema {size.Name} {Bytes(size.Bytes)}, whole database {Bytes(size.DatabaseBytes ?? 0)}";

    public static string Retention(TimeSpan retention, InboxPruning pruned)
    {
        var kept = retention <= TimeSpan.Zero
            ? "Applied webhooks and Segment calls are kept for ever (retention.inboxDays is 0)"
            : $"Applied webhooks and Segment calls are kept {"day".ToQuantity((int)retention.TotalDays)}, then deleted; failed and set-aside ones stay until handled";
        return pruned.At is { } at
            ? $"{kept}. Deleted so far: {pruned.Webhooks:N0} webhooks, {pruned.SegmentCalls:N0} Segment calls (last pass {at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)."
            : $"{kept}.";
    }

    // Humanizer writes zero as "0 b" (bits); a size on disk is in bytes.
    private static string Bytes(long bytes) => bytes == 0 ? "0 B" : bytes.Bytes().Humanize("0.#", CultureInfo.InvariantCulture);
}
