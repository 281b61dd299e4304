using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rapport.Hub.Rules;

/// <summary>
/// Lets a <see cref="Condition"/> sit in any System.Text.Json model (REST bodies, settings), reflection or
/// source-generated. A bad rule surfaces as a <see cref="JsonException"/>, which ASP.NET Core answers with 400.
/// </summary>
public sealed class ConditionJsonConverter : JsonConverter<Condition>
{
    public override Condition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return RuleJsonReader.Read(document.RootElement);
        }
        catch (RuleSyntaxException exception)
        {
            throw new JsonException(exception.Message, exception);
        }
    }

    public override void Write(Utf8JsonWriter writer, Condition value, JsonSerializerOptions options) =>
        RuleJsonWriter.Write(value, writer);
}
