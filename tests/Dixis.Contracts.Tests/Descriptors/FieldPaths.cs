using Google.Protobuf.Reflection;

namespace Dixis.Contracts.Tests.Descriptors;

/// <summary>Resolves dotted field paths such as <c>product.id</c> against a message.</summary>
internal static class FieldPaths
{
    public static FieldDescriptor? Resolve(this MessageDescriptor message, string path)
    {
        FieldDescriptor? field = null;
        var current = message;
        foreach (var name in path.Split('.'))
        {
            if (current is null)
            {
                return null;
            }

            field = current.FindFieldByName(name);
            if (field is null)
            {
                return null;
            }

            current = field.FieldType == FieldType.Message ? field.MessageType : null;
        }

        return field;
    }
}
