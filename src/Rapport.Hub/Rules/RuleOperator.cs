namespace Rapport.Hub.Rules;

/// <summary>
/// The operators of a field condition. Their exact semantics live on <see cref="FieldCondition"/>; the four negative
/// operators are always the exact negation of their positive twin.
/// </summary>
public enum RuleOperator
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&gt;</c></summary>
    GreaterThan,

    /// <summary><c>&lt;</c></summary>
    LessThan,

    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,

    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,

    /// <summary><c>contains</c>: substring of a string, or member of a list.</summary>
    Contains,

    /// <summary><c>not contains</c></summary>
    NotContains,

    /// <summary><c>in</c>: the value is a list.</summary>
    In,

    /// <summary><c>not in</c></summary>
    NotIn,

    /// <summary><c>exists</c>: takes no value.</summary>
    Exists,

    /// <summary><c>not exists</c></summary>
    NotExists,
}
