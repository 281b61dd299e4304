using Microsoft.OpenApi;

namespace Rapport.Contract.Tests.OpenApi;

internal sealed partial class OpenApiContract
{
    private Route? FindRoute(HttpMethod method, string path)
    {
        var segments = path.Split('/');
        var best = _templates
            .Where(t => t.Matches(segments))
            .OrderByDescending(t => t.Item.Operations?.ContainsKey(method) == true)
            // A literal segment beats a parameter (/companies/scroll before /companies/{company_id}), earliest first.
            .ThenBy(t => t.Shape, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best is null)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < segments.Length; i++)
        {
            if (best.ParameterAt(i) is { } name)
            {
                values[name] = Uri.UnescapeDataString(segments[i]);
            }
        }

        var operation = best.Item.Operations?.GetValueOrDefault(method);
        return new Route(new OperationKey(method, best.Template), best, operation, values);
    }

    private sealed record Route(
        OperationKey Key,
        PathTemplate Template,
        OpenApiOperation? Operation,
        IReadOnlyDictionary<string, string> PathValues)
    {
        /// <summary>Operation-level parameters override path-level ones of the same name and location (OpenAPI 3.0 §4.7.8).</summary>
        public IEnumerable<IOpenApiParameter> Parameters()
        {
            var own = Operation?.Parameters ?? [];
            var inherited = (Template.Item.Parameters ?? []).Where(p => !own.Any(o => o.Name == p.Name && o.In == p.In));
            return own.Concat(inherited);
        }
    }

    private sealed record PathTemplate(string Template, string?[] Parameters, IOpenApiPathItem Item)
    {
        /// <summary>"0" per literal segment, "1" per parameter: sorts the most specific template first.</summary>
        public string Shape { get; } = string.Concat(Parameters.Select(p => p is null ? '0' : '1'));

        public static PathTemplate Parse(string template, IOpenApiPathItem item) =>
            new(template, [.. template.Split('/').Select(s => s.StartsWith('{') && s.EndsWith('}') ? s[1..^1] : null)], item);

        public string? ParameterAt(int index) => Parameters[index];

        public bool Matches(string[] segments)
        {
            if (segments.Length != Parameters.Length)
            {
                return false;
            }

            var literals = Template.Split('/');
            for (var i = 0; i < segments.Length; i++)
            {
                var matches = Parameters[i] is null
                    ? string.Equals(segments[i], literals[i], StringComparison.Ordinal)
                    : segments[i].Length > 0;
                if (!matches)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
