using System.Collections;
using System.Reflection;

namespace B12Dosing.Tests.Shared;

/// <summary>
/// Immutability that does not leak (issue 12, class 5): every public list or sequence a type hands out must be a
/// read-only view or a copy, never its own array or list, so that casting and writing cannot change results.
/// </summary>
internal static class ReadOnlyViews
{
    /// <summary>Checks every public property of <paramref name="instance"/> (static ones of its type too) whose type is a sequence; returns how many.</summary>
    public static int AssertAll(object instance)
    {
        var checkedCount = 0;
        var type = instance.GetType();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                continue;
            }

            var value = property.GetValue(property.GetMethod!.IsStatic ? null : instance);
            AssertReadOnly(value, $"{type.Name}.{property.Name}");
            checkedCount++;
        }

        return checkedCount;
    }

    /// <summary>Checks one value: not an array, not a <see cref="List{T}"/>, and read-only if it is a list.</summary>
    public static void AssertReadOnly(object? value, string what)
    {
        Assert.False(value is Array, $"{what} hands out its array: a caller can cast it and write into it.");
        Assert.False(value is not null && value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() == typeof(List<>), $"{what} hands out its List<T>.");
        if (value is IList list)
        {
            Assert.True(list.IsReadOnly, $"{what} is a writable list.");
        }
    }
}
