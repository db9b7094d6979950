namespace RolloutWorkflows.Sandbox.Kubernetes.Api;

using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

/// <summary>
/// <c>/openapi/v2</c>: a valid Swagger 2.0 document with no definitions. kubectl asks for it as protobuf
/// (<c>application/com.github.proto-openapi.spec.v2@v1.0+protobuf</c>, the gnostic <c>openapi.v2.Document</c>
/// message) when apply patches an existing object, and older kubectl for client-side validation; with no
/// schema for a kind, apply falls back to its compiled-in types and validation skips the kind, so neither
/// needs <c>--validate=false</c>. Other Accept values get the same document as JSON.
/// </summary>
public static class OpenApiV2Document
{
    public const string ProtobufMediaType = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";

    private const string Title = "Kubernetes (RolloutWorkflows sandbox)";
    private const string Version = "v1.32.0";

    public static async Task WriteAsync(HttpContext context)
    {
        var accept = context.Request.Headers.Accept.ToString();
        if (accept.Contains("protobuf", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = ProtobufMediaType;
            await context.Response.Body.WriteAsync(Protobuf(), context.RequestAborted);
            return;
        }

        await JsonResponses.WriteAsync(context, 200, Json());
    }

    public static JsonObject Json() => new()
    {
        ["swagger"] = "2.0",
        ["info"] = new JsonObject { ["title"] = Title, ["version"] = Version },
        ["paths"] = new JsonObject(),
        ["definitions"] = new JsonObject(),
    };

    /// <summary>
    /// The protobuf encoding of <see cref="Json"/>: Document.swagger (field 1), Document.info (2: Info.title 1,
    /// Info.version 2), Document.paths (8) and Document.definitions (9), both empty messages.
    /// </summary>
    public static byte[] Protobuf()
    {
        var info = new List<byte>();
        AppendBytes(info, 1, Encoding.UTF8.GetBytes(Title));
        AppendBytes(info, 2, Encoding.UTF8.GetBytes(Version));
        var document = new List<byte>();
        AppendBytes(document, 1, Encoding.UTF8.GetBytes("2.0"));
        AppendBytes(document, 2, [.. info]);
        AppendBytes(document, 8, []);
        AppendBytes(document, 9, []);
        return [.. document];
    }

    /// <summary>A length-delimited field (wire type 2): tag, varint length, bytes.</summary>
    private static void AppendBytes(List<byte> output, int field, byte[] value)
    {
        AppendVarint(output, (uint)((field << 3) | 2));
        AppendVarint(output, (uint)value.Length);
        output.AddRange(value);
    }

    private static void AppendVarint(List<byte> output, uint value)
    {
        while (value >= 0x80)
        {
            output.Add((byte)(value | 0x80));
            value >>= 7;
        }

        output.Add((byte)value);
    }
}
