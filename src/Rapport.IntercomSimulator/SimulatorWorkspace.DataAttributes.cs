namespace Rapport.IntercomSimulator;

public sealed partial class SimulatorWorkspace
{
    private readonly Dictionary<(string Model, string Name), SimulatedDataAttribute> _customAttributes = [];
    private int _dataAttributeIds = 15283000;

    /// <summary>Live (unarchived) custom data attributes a workspace may hold.</summary>
    public const int CustomAttributeLimit = 250;

    /// <summary>Defines a custom data attribute (like POST /data_attributes). Returns the existing one if the name is taken.</summary>
    public SimulatedDataAttribute DefineDataAttribute(string model, string name, string dataType, string? description = null)
    {
        lock (Sync)
        {
            if (FindDataAttributeUnlocked(model, name) is { } existing) { return existing; }
            var now = Now;
            var attribute = new SimulatedDataAttribute
            {
                Id = ++_dataAttributeIds,
                Model = model,
                Name = name,
                Label = name,
                Description = description,
                DataType = dataType,
                CreatedAt = now,
                UpdatedAt = now,
                AdminId = _admins.Count > 0 ? _admins[0].Id : null,
            };
            _dataAttributes.Add(attribute);
            _customAttributes[(model, name)] = attribute;
            return attribute;
        }
    }

    internal SimulatedDataAttribute? FindDataAttributeUnlocked(string model, string name) =>
        _customAttributes.GetValueOrDefault((model, name));

    internal SimulatedDataAttribute? FindDataAttributeUnlocked(int id) => _dataAttributes.Find(a => a.Id == id);

    /// <summary>In-process setup is lenient: an attribute a test writes directly gets a definition of the inferred
    /// type, so the workspace stays what Intercom would show. The HTTP API is strict: a write to an undefined attribute
    /// is a 400.</summary>
    private void DefineMissingAttributes(string model, Dictionary<string, object?> values)
    {
        foreach (var (name, value) in values)
        {
            if (FindDataAttributeUnlocked(model, name) is null)
            {
                DefineDataAttribute(model, name, InferType(value));
            }
        }
    }

    internal static string InferType(object? value) => value switch
    {
        int or long => "integer",
        double or float or decimal => "float",
        bool => "boolean",
        DateTimeOffset or DateTime => "date",
        _ => "string",
    };

    // The standard attributes as GET /data_attributes lists them (spec example of that operation).
    private void AddStandardDataAttributes()
    {
        (string Model, string Name, string Label, string Type, bool Writable)[] standard =
        [
            ("company", "name", "Company name", "string", true),
            ("company", "company_id", "Company ID", "string", false),
            ("company", "last_request_at", "Company last seen", "date", false),
            ("company", "remote_created_at", "Company created at", "date", true),
            ("company", "user_count", "People", "integer", false),
            ("company", "session_count", "Company web sessions", "integer", false),
            ("company", "plan", "Plan", "string", false),
            ("company", "monthly_spend", "Monthly Spend", "float", true),
            ("company", "size", "Company size", "integer", true),
            ("company", "industry", "Company industry", "string", true),
            ("company", "website", "Company website", "string", true),
            ("contact", "name", "Name", "string", true),
            ("contact", "email", "Email", "string", true),
            ("contact", "external_id", "User ID", "string", true),
            ("contact", "role", "Role", "string", false),
            ("contact", "phone", "Phone", "string", true),
            ("contact", "created_at", "Created at", "date", false),
            ("contact", "signed_up_at", "Signed up", "date", true),
            ("contact", "last_seen_at", "Last seen", "date", true),
            ("contact", "owner_id", "Owner", "integer", true),
        ];
        foreach (var (model, name, label, type, writable) in standard)
        {
            _dataAttributes.Add(new SimulatedDataAttribute
            {
                Model = model,
                Name = name,
                Label = label,
                DataType = type,
                ApiWritable = writable,
                UiWritable = false,
                MessengerWritable = true,
                Custom = false,
            });
        }
    }
}
