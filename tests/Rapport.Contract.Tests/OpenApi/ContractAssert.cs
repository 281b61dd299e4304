using System.Text;
using System.Text.RegularExpressions;

namespace Rapport.Contract.Tests.OpenApi;

internal static partial class ContractAssert
{
    /// <summary>
    /// Fails with every violation, grouped by shape (array indices folded) so 400 contacts with one bad field read as one
    /// line with a count and a concrete example.
    /// </summary>
    public static void Conforms(IReadOnlyList<ContractViolation> violations, int exchanges)
    {
        if (violations.Count == 0)
        {
            return;
        }

        var message = new StringBuilder()
            .AppendLine($"{violations.Count} violations of Intercom's OpenAPI 2.16 description in {exchanges} exchanges:");
        foreach (var group in violations.GroupBy(v => Value().Replace(Index().Replace(v.ToString(), "[*]"), "$1")).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            message.Append("- ").Append(group.Key);
            if (group.Count() > 1)
            {
                message.Append($"  (x{group.Count()}, e.g. {group.First().Where}: {group.First().Message})");
            }

            message.AppendLine();
        }

        Assert.Fail(message.ToString());
    }

    public static void Conforms(OpenApiContract contract, IReadOnlyList<HttpExchange> exchanges) =>
        Conforms([.. exchanges.SelectMany(contract.Validate)], exchanges.Count);

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    // "got number -0.6" and "got number 9.7" are one kind of violation.
    [GeneratedRegex(@"(, got \w+) [^;]*$")]
    private static partial Regex Value();
}
