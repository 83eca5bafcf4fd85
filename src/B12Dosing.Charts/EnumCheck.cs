namespace B12Dosing.Charts;

/// <summary>Rejects enum values that are not defined (for example <c>(AxisScale)7</c>).</summary>
internal static class EnumCheck
{
    public static T Defined<T>(T value, string paramName)
        where T : struct, Enum =>
        Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"Not a {typeof(T).Name}; accepted: {string.Join(", ", Enum.GetNames<T>())}.");
}
