using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// A value per thrown exception type, computed once, that never keeps a type alive: a type from a collectible
/// assembly (a plug-in's <c>AssemblyLoadContext</c>, an emitted proxy) is held weakly, so the assembly can still
/// unload after its exceptions went through the handler.
/// </summary>
/// <remarks>
/// Types that can never unload, nearly all of them, are looked up in a <see cref="ConcurrentDictionary{TKey, TValue}"/>
/// as fast as before; only a miss asks whether the type is collectible, and such a type goes to a
/// <see cref="ConditionalWeakTable{TKey, TValue}"/>, whose entries live only as long as their type.
/// </remarks>
internal sealed class ExceptionTypeCache<TValue>
{
    private readonly ConcurrentDictionary<Type, TValue> _types = new();
    private readonly ConditionalWeakTable<Type, StrongBox<TValue>> _collectibleTypes = new();

    public TValue GetOrAdd<TArg>(Type type, Func<Type, TArg, TValue> create, TArg argument)
    {
        if (_types.TryGetValue(type, out var value))
        {
            return value;
        }

        if (type.IsCollectible)
        {
            return _collectibleTypes.GetOrAdd(type, static (type, state) => new StrongBox<TValue>(state.create(type, state.argument)), (create, argument)).Value!;
        }

        return _types.GetOrAdd(type, create, argument);
    }

    public void Set(Type type, TValue value)
    {
        if (type.IsCollectible)
        {
            _collectibleTypes.AddOrUpdate(type, new StrongBox<TValue>(value));
        }
        else
        {
            _types[type] = value;
        }
    }
}
