using System.Reflection;
using System.Reflection.Emit;
using Dixis.Contracts.Common.V1;
using Grpc.Core;

namespace Dixis.Contracts.Tests.Transcoding;

/// <summary>
/// One concrete type per generated <c>*Base</c> class, emitted at run time so that every
/// service, including one added later, can be mapped. Their methods keep the generated
/// behaviour (UNIMPLEMENTED): the tests using them look at routing, not at answers.
/// </summary>
internal static class UnimplementedServiceTypes
{
    public static IReadOnlyList<Type> All { get; } = Emit();

    private static Type[] Emit()
    {
        var module = AssemblyBuilder
            .DefineDynamicAssembly(new AssemblyName("Dixis.Contracts.Tests.Unimplemented"), AssemblyBuilderAccess.Run)
            .DefineDynamicModule("Unimplemented");

        return [.. typeof(AccessReflection).Assembly.GetTypes()
            .Where(type => type.IsAbstract && type.IsClass && type.IsNested
                && type.GetCustomAttribute<BindServiceMethodAttribute>() is not null)
            .Select(serviceBase => module
                .DefineType($"Unimplemented{serviceBase.DeclaringType!.Name}", TypeAttributes.Public | TypeAttributes.Sealed, serviceBase)
                .CreateType())];
    }
}
