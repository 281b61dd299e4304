using System.Text.Json;
using Rapport.Hub.Rules;

namespace Rapport.Hub.Tests.Rules;

public sealed class FieldValueSpecs
{
    [Fact]
    public void Clr_values_convert_to_their_kind()
    {
        var values = new object?[]
        {
            null, "Pro", 42, 42L, 1.5, 2.5f, 3.25m, true, new DateTime(2024, 5, 1), new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero),
            new DateOnly(2024, 5, 1), new[] { "vip", "beta" }, new List<int> { 1, 2 }, Guid.Empty,
        };

        var kinds = values.Select(value => FieldValue.From(value).Kind).ToList();

        kinds.ShouldBe(
        [
            FieldValueKind.Null, FieldValueKind.String, FieldValueKind.Number, FieldValueKind.Number, FieldValueKind.Number,
            FieldValueKind.Number, FieldValueKind.Number, FieldValueKind.Boolean, FieldValueKind.Date, FieldValueKind.Date,
            FieldValueKind.Date, FieldValueKind.List, FieldValueKind.List, FieldValueKind.String,
        ]);
    }

    [Fact]
    public void Intercom_custom_attributes_convert_from_json()
    {
        using var document = JsonDocument.Parse(
            """{"tier":"gold","seats":25,"ratio":0.75,"beta":true,"notes":null,"regions":["eu","us"],"huge":1e300}""");
        var attributes = document.RootElement;

        var source = new DictionaryFieldSource(attributes.EnumerateObject()
            .Select(property => KeyValuePair.Create($"custom_attributes.{property.Name}", FieldValue.FromJson(property.Value))));

        source.Matches("custom_attributes.tier = GOLD and custom_attributes.seats >= 25 and custom_attributes.ratio < 1").ShouldBeTrue();
        source.Matches("custom_attributes.beta = true and custom_attributes.notes not exists").ShouldBeTrue();
        source.Matches("custom_attributes.regions contains EU").ShouldBeTrue();
        source.Get("custom_attributes.huge").Kind.ShouldBe(FieldValueKind.String);
    }

    [Fact]
    public void Nullable_properties_convert_to_null()
    {
        decimal? spend = null;
        long? size = null;
        DateTimeOffset? lastSeen = null;

        var source = new DictionaryFieldSource { ["monthly_spend"] = spend, ["size"] = size, ["last_seen"] = lastSeen };

        source.Select(field => field.Value).ShouldAllBe(value => value.Kind == FieldValueKind.Null);
    }

    [Fact]
    public void Field_names_are_looked_up_without_case()
    {
        var source = new DictionaryFieldSource { ["Custom_Attributes.Tier"] = "gold" };

        source.Matches("custom_attributes.tier = gold").ShouldBeTrue();
        source.Get("unknown").ShouldBe(FieldValue.Missing);
    }

    [Fact]
    public void Values_read_as_a_user_would_write_them()
    {
        var shown = new[]
        {
            FieldValue.String("Pro"), 120.50m, true, FieldValue.FromUnixSeconds(1714559400),
            new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.FromHours(2)), FieldValue.List("a", "b"), FieldValue.Null, FieldValue.Missing,
        }.Select(value => value.ToString());

        shown.ShouldBe(["Pro", "120.50", "true", "2024-05-01T10:30:00Z", "2024-05-01T12:30:00+02:00", "a, b", "null", "missing"]);
    }

    [Fact]
    public void Equality_is_exact_and_structural()
    {
        FieldValue.List("a", "b").ShouldBe(FieldValue.List("a", "b"));
        FieldValue.List("a", "b").ShouldNotBe(FieldValue.List("b", "a"));
        FieldValue.String("Pro").ShouldNotBe(FieldValue.String("pro"));
        FieldValue.Number(1).ShouldNotBe(FieldValue.True);
        default(FieldValue).ShouldBe(FieldValue.Missing);
        FieldValue.Missing.ShouldNotBe(FieldValue.Null);
    }

    [Fact]
    public void Typed_accessors_read_only_their_own_kind()
    {
        FieldValue value = 42m;

        value.TryGetNumber(out var number).ShouldBeTrue();
        value.TryGetString(out _).ShouldBeFalse();
        number.ShouldBe(42m);
        value.Items.ShouldBeEmpty();
    }
}
