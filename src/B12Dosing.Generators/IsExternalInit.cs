namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 code use records and <c>init</c> (the type ships only with .NET 5 and later).</summary>
internal static class IsExternalInit
{
}
