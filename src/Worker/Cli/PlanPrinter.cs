namespace RolloutWorkflows.Worker.Cli;

using System.Text.Encodings.Web;
using System.Text.Json;

/// <summary>Writes a plan as text for people or as JSON for tools.</summary>
public static class PlanPrinter
{
    /// <summary>Text: one block per entry, each ingress with its annotations sorted by key.</summary>
    public static void WriteText(TextWriter output, IReadOnlyList<PlanEntry> entries)
    {
        foreach (var entry in entries)
        {
            var title = entry.Step is { } step ? $"after step {step} ({entry.Description})" : "start";
            output.WriteLine($"{title}: canary weight {entry.Weight}");
            foreach (var (ingress, annotations) in entry.Ingresses)
            {
                output.WriteLine($"  ingress {ingress}");
                foreach (var (key, value) in annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    output.WriteLine($"    {key}: {value}");
                }
            }
        }
    }

    /// <summary>JSON: <c>[{"step": null|index, "weight": w, "ingresses": {"name": {"key": "value"}}}]</c>.</summary>
    public static void WriteJson(TextWriter output, IReadOnlyList<PlanEntry> entries)
    {
        // Relaxed escaping keeps the embedded action JSON readable (\" instead of \u0022); it is still valid JSON.
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            writer.WriteStartArray();
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                if (entry.Step is { } step)
                {
                    writer.WriteNumber("step", step);
                }
                else
                {
                    writer.WriteNull("step");
                }

                writer.WriteNumber("weight", entry.Weight);
                writer.WriteStartObject("ingresses");
                foreach (var (ingress, annotations) in entry.Ingresses)
                {
                    writer.WriteStartObject(ingress);
                    foreach (var (key, value) in annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
                    {
                        writer.WriteString(key, value);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
