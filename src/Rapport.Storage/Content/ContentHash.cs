using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Rapport.Hub.Sources;

namespace Rapport.Storage.Content;

/// <summary>
/// A fingerprint of everything a source record stores, compared with the stored one so that unchanged rows are not
/// rewritten. Length-prefixed fields, so no value can imitate a separator.
/// </summary>
internal sealed class ContentHash
{
    private readonly StringBuilder _text = new();

    public static string Of(CompanyDecision decision)
    {
        var c = decision.Company;
        return new ContentHash()
            .Add(c.ExternalId).Add(c.Name).Add(c.Plan).Add(c.MonthlySpend).Add(c.UserCount).Add(c.SessionCount).Add(c.Size)
            .Add(c.Industry).Add(c.Website).Add(c.CreatedAt).Add(c.UpdatedAt).Add(c.LastSeenAt)
            .Add(Normalise(c.Tags)).Add(Normalise(c.Segments)).Add(c.CustomAttributesJson).Add(c.RawJson)
            .Add(decision.Qualified ? "qualified" : "not qualified").Add(decision.Reason)
            .Finish();
    }

    public static string Of(SourceContact c) =>
        new ContentHash()
            .Add(c.ExternalId).Add(c.Email).Add(c.Name).Add(c.CreatedAt).Add(c.UpdatedAt).Add(c.LastSeenAt)
            .Add(Normalise(c.Tags)).Add(Normalise(c.CompanySourceIds)).Add(c.CustomAttributesJson).Add(c.RawJson)
            .Finish();

    /// <summary>Tags, segments and company links are sets: order and repeats carry no meaning.</summary>
    public static IReadOnlyList<string> Normalise(IEnumerable<string>? values) =>
        values is null ? [] : [.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private ContentHash Add(string? value)
    {
        if (value is null)
        {
            _text.Append("-;");
        }
        else
        {
            _text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
        }

        return this;
    }

    private ContentHash Add(long? value) => Add(value?.ToString(CultureInfo.InvariantCulture));

    private ContentHash Add(decimal? value) => Add(value?.ToString(CultureInfo.InvariantCulture));

    private ContentHash Add(DateTimeOffset? value) => Add(value?.ToUnixTimeMilliseconds());

    private ContentHash Add(IReadOnlyList<string> values)
    {
        Add((long)values.Count);
        foreach (var value in values)
        {
            Add(value);
        }

        return this;
    }

    private string Finish() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_text.ToString())));
}
