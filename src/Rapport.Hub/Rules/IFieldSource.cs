namespace Rapport.Hub.Rules;

/// <summary>
/// Resolves a rule's dotted field names (<c>plan</c>, <c>custom_attributes.tier</c>, <c>metrics.mrr</c>) to values.
/// Return <see cref="FieldValue.Missing"/> for a field the source does not know, never throw.
/// </summary>
public interface IFieldSource
{
    FieldValue Get(string field);
}
