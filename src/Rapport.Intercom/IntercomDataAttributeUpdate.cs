namespace Rapport.Intercom;

/// <summary>
/// Body of PUT /data_attributes/{id} (spec 2.16 <c>update_data_attribute_request</c>); null fields are not sent. A data
/// attribute's name and type cannot change through the API: archive it and create another.
/// </summary>
public sealed record IntercomDataAttributeUpdate
{
    /// <summary>True archives the attribute (it stops counting against the workspace's 250 custom attributes).</summary>
    public bool? Archived { get; init; }

    public string? Description { get; init; }
    public bool? MessengerWritable { get; init; }

    /// <summary>Only for list attributes; sent as <c>[{value}]</c>, at least two.</summary>
    public IReadOnlyList<string>? Options { get; init; }
}
