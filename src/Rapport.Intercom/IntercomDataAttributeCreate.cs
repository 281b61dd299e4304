namespace Rapport.Intercom;

/// <summary>
/// Body of POST /data_attributes (spec 2.16 <c>create_data_attribute_request</c>). Names: alphanumerics, currency
/// symbols and hyphens; a duplicate name is a 400 <c>parameter_invalid</c> (Intercom's API reference, "Create a data
/// attribute").
/// </summary>
public sealed record IntercomDataAttributeCreate
{
    public required string Name { get; init; }

    /// <summary>"contact" or "company".</summary>
    public required string Model { get; init; }

    /// <summary>string, integer, float, boolean, datetime, date, or options (then at least two <see cref="Options"/>).</summary>
    public required string DataType { get; init; }

    public string? Description { get; init; }
    public bool? MessengerWritable { get; init; }

    /// <summary>Only for <c>data_type: options</c>; sent as <c>[{value}]</c>.</summary>
    public IReadOnlyList<string>? Options { get; init; }
}
