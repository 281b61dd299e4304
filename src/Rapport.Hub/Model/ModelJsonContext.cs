using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Hub.Model;

// Unknown properties are errors: a misspelt "windowDay" must not silently become "every event since creation".
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(ModelDefinitions))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
