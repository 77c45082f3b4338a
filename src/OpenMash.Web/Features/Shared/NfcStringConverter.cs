using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenMash.Web.Features.Shared;

/// <summary>Every string an agency system sends, in Unicode normal form C as it is read (<see cref="TextRules"/>).</summary>
public sealed class NfcStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } value ? TextRules.Normalise(value) : null;

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
