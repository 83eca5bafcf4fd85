using System.Globalization;

namespace B12Dosing.Tests.Shared;

/// <summary>Runs code under German settings (decimal comma), where a message that quoted a number in the current culture would show it.</summary>
internal static class GermanCulture
{
    /// <summary>The message of the <see cref="ArgumentException"/> (or a subclass) that <paramref name="action"/> throws under de-DE.</summary>
    public static string MessageOf(Action action)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            return Assert.ThrowsAny<ArgumentException>(action).Message;
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
