namespace Rapport.IntercomSimulator;

/// <summary>A data attribute definition. Custom ones have an integer <see cref="Id"/>; standard ones have none.</summary>
public sealed class SimulatedDataAttribute
{
    public int? Id { get; init; }

    /// <summary>"contact" or "company".</summary>
    public required string Model { get; init; }

    public required string Name { get; init; }

    public string FullName => Custom ? $"custom_attributes.{Name}" : Name;

    public required string Label { get; init; }

    public string? Description { get; set; }

    /// <summary>string, integer, float, boolean or date.</summary>
    public required string DataType { get; init; }

    public List<string>? Options { get; set; }

    public bool ApiWritable { get; init; } = true;

    public bool MessengerWritable { get; set; }

    public bool UiWritable { get; init; } = true;

    public bool Custom { get; init; } = true;

    public bool Archived { get; set; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? AdminId { get; init; }
}
