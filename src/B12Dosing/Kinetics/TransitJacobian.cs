using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace B12Dosing.Kinetics;

/// <summary>
/// The non-constant part of a nonlinear stretch's Jacobian (<see cref="TransitRates.Jacobian"/>): the rows of the
/// eight nonlinear entries (free cyano-like and hydroxo B12, holoTC, holoHC, stores, protein-bound, labile, the
/// exchangeable pool) and of the six tallies, each against the eight (row-major).
/// </summary>
[InlineArray(Rows * CoreVector.Count)]
internal struct TransitJacobian
{
    /// <summary>The eight rows of the nonlinear entries, then the six of the tallies.</summary>
    public const int Rows = CoreVector.Count + TransitState.Count - TransitState.Urine;

    private double _element;

    /// <summary>Entry (row, column) of the eight nonlinear entries' block (both counted from <see cref="TransitState.FreeC"/>).</summary>
    [UnscopedRef]
    public ref double this[int row, int column] => ref this[(row * CoreVector.Count) + column];

    /// <summary>The derivative of tally <paramref name="entry"/> (a <see cref="TransitState"/> index) by nonlinear entry <paramref name="column"/>.</summary>
    [UnscopedRef]
    public ref double Tally(int entry, int column) => ref this[entry - TransitState.Urine + CoreVector.Count, column];

    /// <summary>The value of <see cref="Tally"/> (read without copying the matrix).</summary>
    public readonly double TallyValue(int entry, int column) => this[((entry - TransitState.Urine + CoreVector.Count) * CoreVector.Count) + column];
}

/// <summary>A vector over the eight nonlinear entries of a stretch (from <see cref="TransitState.FreeC"/> to <see cref="TransitState.P"/>).</summary>
[InlineArray(Count)]
internal struct CoreVector
{
    /// <summary>The number of nonlinear entries.</summary>
    public const int Count = TransitState.P - TransitState.FreeC + 1;

    private double _element;
}

/// <summary>
/// The LU factors, with partial pivoting, of <c>c·I − J</c> over the eight nonlinear entries (<see cref="TransitJacobian"/>):
/// factored once per Rosenbrock step and used by its six stages.
/// </summary>
internal struct CoreFactors
{
    private const int N = CoreVector.Count;
    private Matrix _a;
    private Pivots _pivot;

    /// <summary>Factors <c>c·I − J</c> for the block of <paramref name="j"/>.</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular (not for a positive <paramref name="c"/> and the model's Jacobian, whose diagonal is never positive).</exception>
    public void Factor(double c, in TransitJacobian j)
    {
        for (var i = 0; i < N; i++)
        {
            for (var k = 0; k < N; k++)
            {
                _a[(i * N) + k] = -j[(i * N) + k];
            }

            _a[(i * N) + i] += c;
        }

        for (var k = 0; k < N; k++)
        {
            var p = k;
            var largest = Math.Abs(_a[(k * N) + k]);
            for (var i = k + 1; i < N; i++)
            {
                var v = Math.Abs(_a[(i * N) + k]);
                if (v > largest)
                {
                    (largest, p) = (v, i);
                }
            }

            if (!(largest > 0))
            {
                throw new InvalidOperationException("The stretch's Rosenbrock matrix is singular.");
            }

            _pivot[k] = p;
            if (p != k)
            {
                for (var m = 0; m < N; m++)
                {
                    (_a[(k * N) + m], _a[(p * N) + m]) = (_a[(p * N) + m], _a[(k * N) + m]);
                }
            }

            var pivot = _a[(k * N) + k];
            for (var i = k + 1; i < N; i++)
            {
                var f = _a[(i * N) + k] / pivot;
                _a[(i * N) + k] = f;
                if (f != 0)
                {
                    for (var m = k + 1; m < N; m++)
                    {
                        _a[(i * N) + m] -= f * _a[(k * N) + m];
                    }
                }
            }
        }
    }

    /// <summary>Overwrites <paramref name="x"/> (the right-hand side) with the solution.</summary>
    public readonly void Solve(ref CoreVector x)
    {
        // The rows were swapped whole (with their multipliers), so all the swaps come first, then L, then U.
        for (var k = 0; k < N; k++)
        {
            var p = _pivot[k];
            if (p != k)
            {
                (x[k], x[p]) = (x[p], x[k]);
            }
        }

        for (var k = 0; k < N; k++)
        {
            for (var i = k + 1; i < N; i++)
            {
                x[i] -= _a[(i * N) + k] * x[k];
            }
        }

        for (var i = N - 1; i >= 0; i--)
        {
            var sum = x[i];
            for (var m = i + 1; m < N; m++)
            {
                sum -= _a[(i * N) + m] * x[m];
            }

            x[i] = sum / _a[(i * N) + i];
        }
    }

    [InlineArray(N * N)]
    private struct Matrix
    {
        private double _element;
    }

    [InlineArray(N)]
    private struct Pivots
    {
        private int _element;
    }
}
