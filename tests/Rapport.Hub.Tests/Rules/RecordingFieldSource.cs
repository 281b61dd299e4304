using Rapport.Hub.Rules;

namespace Rapport.Hub.Tests.Rules;

/// <summary>Remembers which fields a rule read, to show what short-circuiting skipped.</summary>
internal sealed class RecordingFieldSource(IFieldSource inner) : IFieldSource
{
    public List<string> Read { get; } = [];

    public FieldValue Get(string field)
    {
        Read.Add(field);
        return inner.Get(field);
    }
}
