using Rapport.Hub.Rules;
using Rapport.Application.Conversations;

namespace Rapport.Application.Import;

/// <summary>What the import brings in. Defaults: companies seen in the last 90 days, no extra rules.</summary>
public sealed class ImportOptions
{
    /// <summary>Companies whose last seen (<c>last_request_at</c>) is older than this many days are not imported.</summary>
    public int LastSeenDays { get; set; } = 90;

    /// <summary>The user's qualification rules; null means every company seen within the window qualifies.</summary>
    public Condition? Qualification { get; set; }

    /// <summary>
    /// Import even though the pre-enable check found companies without <c>company_id</c> or users without <c>user_id</c>:
    /// those are skipped, everything with ids comes in.
    /// </summary>
    public bool OnlyWithIds { get; set; }

    /// <summary>Read every contact again instead of only those updated since the last completed import.</summary>
    public bool Full { get; set; }

    /// <summary>An incremental import older than this turns into a full one, which also notices deleted contacts.</summary>
    public TimeSpan FullImportEvery { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The default <see cref="Patience"/>.</summary>
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long the import keeps going through Intercom's failures on one request (429s waited out to each
    /// <c>X-RateLimit-Reset</c>, 5xx, timeouts, dropped connections) or through a company scroll that keeps breaking, before
    /// it stops saying what failed and for how long. A stopped import resumes when run again.
    /// </summary>
    public TimeSpan Patience { get; set; } = DefaultPatience;

    /// <summary>How many contacts whose company lists exceed the inline ten are resolved at once.</summary>
    public int MembershipLookupConcurrency { get; set; } = 4;

    /// <summary>
    /// Also import conversations, after the users, attached through the mirrored contacts. Off by default (the CLI's
    /// <c>--conversations</c> or <c>import.conversations</c> turns it on): each conversation read costs a GET.
    /// </summary>
    public bool Conversations { get; set; }

    /// <summary>How the conversations phase runs when <see cref="Conversations"/> is on.</summary>
    public ConversationImportOptions ConversationOptions { get; set; } = new();
}
