using Rapport.Storage.Database;
using static Rapport.Storage.Database.HubDatabase;
using static Rapport.Storage.Sql.Keyset;

namespace Rapport.Storage.Accounts;

/// <summary>Shapes Dapper reads into; times and money are read by the type handlers of <see cref="DapperTypes"/>.</summary>
internal sealed partial class BrowseStore
{
    private sealed class CountsRow
    {
        public long ActiveAccounts { get; set; }
        public long InactiveAccounts { get; set; }
        public long ActiveUsers { get; set; }
        public long InactiveUsers { get; set; }
        public long Memberships { get; set; }
        public long MirroredContacts { get; set; }
    }

    private sealed class RecordRow
    {
        public long Id { get; set; }
        public string ExternalId { get; set; } = "";
        public string? Email { get; set; }
        public string? Name { get; set; }
        public string Status { get; set; } = "";
        public string? StatusReason { get; set; }
    }

    private sealed class CompanySourceRow
    {
        public string Source { get; set; } = "";
        public string SourceId { get; set; } = "";
        public long AccountId { get; set; }
        public string? ExternalId { get; set; }
        public string? Name { get; set; }
        public string? Plan { get; set; }
        public decimal? MonthlySpend { get; set; }
        public long? UserCount { get; set; }
        public long? SessionCount { get; set; }
        public long? Size { get; set; }
        public string? Industry { get; set; }
        public string? Website { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public DateTimeOffset? LastSeenAt { get; set; }
        public string CustomAttributesJson { get; set; } = "";
        public string RawJson { get; set; } = "";
        public bool Qualified { get; set; }
        public string? Reason { get; set; }
        public IReadOnlyList<string> Tags { get; set; } = [];
        public IReadOnlyList<string> Segments { get; set; } = [];
    }

    private sealed class ContactSourceRow
    {
        public string Source { get; set; } = "";
        public string SourceId { get; set; } = "";
        public string? ExternalId { get; set; }
        public string? Email { get; set; }
        public string? Name { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public DateTimeOffset? LastSeenAt { get; set; }
        public string CustomAttributesJson { get; set; } = "";
        public string RawJson { get; set; } = "";
        public IReadOnlyList<string> Tags { get; set; } = [];
        public IReadOnlyList<string> Companies { get; set; } = [];
        public IReadOnlyList<string> Segments { get; set; } = [];
    }
}
