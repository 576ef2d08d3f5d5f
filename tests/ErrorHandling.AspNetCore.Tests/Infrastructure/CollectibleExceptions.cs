using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace ErrorHandling.AspNetCore.Tests.Infrastructure;

/// <summary>
/// Exception types emitted into collectible assemblies (<see cref="AssemblyBuilderAccess.RunAndCollect"/>), as
/// plug-in hosts, scripting and dynamic proxies produce them, each watched through a <see cref="WeakReference"/>.
/// </summary>
public sealed class CollectibleExceptions
{
    private readonly ConcurrentQueue<WeakReference> _assemblies = new();

    /// <summary>Gets how many of the emitted assemblies are still alive.</summary>
    public int AliveCount => _assemblies.Count(static reference => reference.IsAlive);

    /// <summary>
    /// Collects garbage until every emitted assembly is gone or several full collections left some alive (a
    /// collectible assembly takes more than one: its loader allocator is finalized first).
    /// </summary>
    public int AliveAfterCollecting()
    {
        for (var i = 0; i < 20 && AliveCount > 0; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return AliveCount;
    }

    /// <summary>Emits a new collectible assembly with one exception type, and returns an instance of it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public Exception Create(string message)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName($"Collectible{Guid.NewGuid():N}"), AssemblyBuilderAccess.RunAndCollect);
        var type = assembly.DefineDynamicModule("Collectible").DefineType(
            "Collectible.EmittedException", TypeAttributes.Public | TypeAttributes.Sealed, typeof(Exception));
        var constructor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [typeof(string)]);
        var il = constructor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Call, typeof(Exception).GetConstructor([typeof(string)])!);
        il.Emit(OpCodes.Ret);
        var created = type.CreateType();

        // The loaded assembly, not the builder: the builder is only a handle for emitting, and can be collected
        // while the assembly it made stays loaded.
        _assemblies.Enqueue(new WeakReference(created.Assembly));
        return (Exception)Activator.CreateInstance(created, message)!;
    }
}
