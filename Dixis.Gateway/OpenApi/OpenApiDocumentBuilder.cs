using System.Text.Json.Nodes;
using Dixis.Contracts.Common.V1;
using Dixis.Gateway.Descriptors;
using Google.Api;
using Google.Protobuf.Reflection;

namespace Dixis.Gateway.OpenApi;

/// <summary>
/// Builds the OpenAPI 3 document of the REST surface from the contracts: one path entry per
/// <c>google.api.http</c> binding (additional bindings included) of every method the gateway exposes.
/// </summary>
public sealed class OpenApiDocumentBuilder(ContractDescriptors contracts, ProtoComments comments)
{
    private const string BearerScheme = "bearer";

    public JsonObject Build()
    {
        var schemas = new SchemaGenerator(comments);
        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var tags = new JsonArray();

        foreach (var service in contracts.Services)
        {
            var exposed = service.Methods.Where(IsTranscoded).ToList();
            if (exposed.Count == 0)
            {
                continue;
            }

            tags.Add(Described(new JsonObject { ["name"] = service.Name }, comments.Of(service)));
            foreach (var method in exposed)
            {
                var routes = HttpRoute.From(method.GetOptions().GetExtension(AnnotationsExtensions.Http));
                for (var index = 0; index < routes.Count; index++)
                {
                    var route = routes[index];
                    var operationId = index == 0 ? $"{service.Name}_{method.Name}" : $"{service.Name}_{method.Name}_{index + 1}";
                    if (!paths.TryGetValue(route.OpenApiPath, out var pathItem))
                    {
                        pathItem = [];
                        paths[route.OpenApiPath] = pathItem;
                    }

                    pathItem[route.Verb] = Operation(method, route, operationId, schemas);
                }
            }
        }

        // Referenced by every operation's error response; listed even when no operation is exposed.
        _ = schemas.ForMessage(Google.Rpc.Status.Descriptor);
        var pathsObject = new JsonObject();
        foreach (var (path, item) in paths)
        {
            pathsObject[path] = item;
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "Dixis API",
                ["version"] = "v1",
                ["description"] = "The JSON/REST surface of the Dixis gateway, generated from the gRPC contracts (google.api.http). " +
                    "Errors are google.rpc.Status bodies with the matching HTTP status. " +
                    "The same methods are served as native gRPC and gRPC-Web.",
            },
            ["tags"] = tags,
            ["paths"] = pathsObject,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas.Components(),
                ["securitySchemes"] = new JsonObject
                {
                    [BearerScheme] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = "Access token issued by the Dixis auth service (users) or its client-credentials grant (partners).",
                    },
                },
            },
        };
    }

    /// <summary>
    /// JSON transcoding serves unary and server-streaming methods with an HTTP rule; client streaming is gRPC only.
    /// </summary>
    private static bool IsTranscoded(MethodDescriptor method) =>
        ContractDescriptors.IsPublic(method)
        && !method.IsClientStreaming
        && method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not null;

    private JsonObject Operation(MethodDescriptor method, HttpRoute route, string operationId, SchemaGenerator schemas)
    {
        var description = comments.Of(method);
        var operation = new JsonObject
        {
            ["operationId"] = operationId,
            ["tags"] = new JsonArray(method.Service.Name),
            ["summary"] = $"{method.Service.FullName}.{method.Name}",
        };
        Described(operation, description);

        var parameters = new JsonArray();
        var pathFields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (fieldPath, pattern) in route.Variables)
        {
            pathFields.Add(fieldPath);
            var field = Resolve(method.InputType, fieldPath);
            var parameter = new JsonObject
            {
                ["name"] = fieldPath,
                ["in"] = "path",
                ["required"] = true,
                ["schema"] = field is null ? new JsonObject { ["type"] = "string" } : schemas.ForSingleValue(field),
            };
            var patternNote = pattern == "*" ? null : $"Matches the pattern `{pattern}`.";
            Described(parameter, string.Join(' ', new[] { field is null ? null : comments.Of(field), patternNote }.Where(text => text is not null)));
            parameters.Add(parameter);
        }

        if (route.Body != "*")
        {
            foreach (var (name, protoPath, field) in QueryFields(method.InputType, jsonPrefix: string.Empty, protoPrefix: string.Empty, depth: 0))
            {
                var boundElsewhere = pathFields.Contains(protoPath)
                    || (route.Body.Length > 0 && (protoPath == route.Body || protoPath.StartsWith(route.Body + ".", StringComparison.Ordinal)));
                if (boundElsewhere)
                {
                    continue;
                }

                parameters.Add(Described(
                    new JsonObject { ["name"] = name, ["in"] = "query", ["schema"] = schemas.ForField(field) },
                    comments.Of(field)));
            }
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (route.Body.Length > 0)
        {
            var bodySchema = route.Body == "*"
                ? schemas.ForMessage(method.InputType)
                : method.InputType.FindFieldByName(route.Body) is { } bodyField ? schemas.ForField(bodyField) : new JsonObject();
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = JsonContent(bodySchema),
            };
        }

        var responseSchema = route.ResponseBody.Length > 0 && method.OutputType.FindFieldByName(route.ResponseBody) is { } responseField
            ? schemas.ForField(responseField)
            : schemas.ForMessage(method.OutputType);
        var success = method.IsServerStreaming
            ? "OK. Server streaming: the messages follow one another as JSON objects while the call runs."
            : "OK";
        // google.api.HttpBody is sent as its own content (a label PDF, say), not as JSON.
        var successContent = method.OutputType.FullName == HttpBody.Descriptor.FullName
            ? new JsonObject { ["*/*"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string", ["format"] = "binary" } } }
            : JsonContent(responseSchema);
        operation["responses"] = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = success, ["content"] = successContent },
            ["default"] = new JsonObject
            {
                ["description"] = "Error: a google.rpc.Status with the gRPC code, a message and typed details; the HTTP status matches the code.",
                ["content"] = JsonContent(schemas.ForMessage(Google.Rpc.Status.Descriptor)),
            },
        };

        var access = ContractDescriptors.AccessOf(method)!;
        operation["security"] = access.Audience == Audience.Public
            ? new JsonArray()
            : new JsonArray(new JsonObject { [BearerScheme] = new JsonArray() });
        operation["x-dixis-access"] = new JsonObject
        {
            ["audience"] = access.Audience.ToString().ToUpperInvariant(),
            ["roles"] = new JsonArray([.. access.Roles.Select(role => (JsonNode)JsonValue.Create(role))]),
            ["scopes"] = new JsonArray([.. access.Scopes.Select(scope => (JsonNode)JsonValue.Create(scope))]),
        };
        return operation;
    }

    /// <summary>
    /// Request fields that travel as query parameters: URL-sized values, nested messages flattened with dotted
    /// names (as transcoding binds them), at a bounded depth so recursive messages terminate.
    /// </summary>
    private static IEnumerable<(string Name, string ProtoPath, FieldDescriptor Field)> QueryFields(
        MessageDescriptor message, string jsonPrefix, string protoPrefix, int depth)
    {
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            var name = jsonPrefix + field.JsonName;
            var protoPath = protoPrefix + field.Name;
            if (SchemaGenerator.IsUrlValue(field))
            {
                yield return (name, protoPath, field);
            }
            else if (!field.IsRepeated && field.FieldType == FieldType.Message && depth < 2)
            {
                foreach (var nested in QueryFields(field.MessageType, name + ".", protoPath + ".", depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static FieldDescriptor? Resolve(MessageDescriptor message, string fieldPath)
    {
        FieldDescriptor? field = null;
        var current = message;
        foreach (var part in fieldPath.Split('.'))
        {
            field = current?.FindFieldByName(part);
            if (field is null)
            {
                return null;
            }

            current = field.FieldType == FieldType.Message ? field.MessageType : null;
        }

        return field;
    }

    private static JsonObject JsonContent(JsonObject schema) =>
        new() { ["application/json"] = new JsonObject { ["schema"] = schema } };

    private static JsonObject Described(JsonObject node, string? description)
    {
        if (!string.IsNullOrWhiteSpace(description))
        {
            node["description"] = description;
        }

        return node;
    }
}
