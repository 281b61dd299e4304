namespace Rapport.Hub.Rules;

/// <summary>The closed set of shapes a <see cref="FieldValue"/> can take.</summary>
public enum FieldValueKind : byte
{
    /// <summary>The source does not know the field at all (also the value of an operator that takes none).</summary>
    Missing = 0,

    /// <summary>The source knows the field, and it is explicitly empty (JSON <c>null</c>).</summary>
    Null,
    String,
    Number,
    Boolean,
    Date,
    List,
}
