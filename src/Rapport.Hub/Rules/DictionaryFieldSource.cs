using System.Collections;

namespace Rapport.Hub.Rules;

/// <summary>
/// An <see cref="IFieldSource"/> over a dictionary of full dotted names, looked up case-insensitively
/// (<c>Plan</c> and <c>plan</c> are one field). Use collection initialisers:
/// <c>new DictionaryFieldSource { ["plan"] = "Pro", ["tags"] = FieldValue.List("vip") }</c>.
/// </summary>
public sealed class DictionaryFieldSource : IFieldSource, IEnumerable<KeyValuePair<string, FieldValue>>
{
    private readonly Dictionary<string, FieldValue> _fields = new(StringComparer.OrdinalIgnoreCase);

    public DictionaryFieldSource()
    {
    }

    public DictionaryFieldSource(IEnumerable<KeyValuePair<string, FieldValue>> fields)
    {
        foreach (var (name, value) in fields)
        {
            _fields[name] = value;
        }
    }

    public FieldValue this[string field]
    {
        get => Get(field);
        set => _fields[field] = value;
    }

    public void Add(string field, FieldValue value) => _fields.Add(field, value);

    public FieldValue Get(string field) => _fields.TryGetValue(field, out var value) ? value : FieldValue.Missing;

    public IEnumerator<KeyValuePair<string, FieldValue>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
