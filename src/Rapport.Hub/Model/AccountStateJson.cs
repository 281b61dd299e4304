using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Hub.Model;

/// <summary>An account's state as the JSON the store keeps, so the next computation can carry its indicators.</summary>
public static class AccountStateJson
{
    public static string Write(AccountState state) => JsonSerializer.Serialize(state, AccountStateJsonContext.Default.AccountState);

    public static AccountState? Read(string json) => JsonSerializer.Deserialize(json, AccountStateJsonContext.Default.AccountState);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(AccountState))]
internal sealed partial class AccountStateJsonContext : JsonSerializerContext;
