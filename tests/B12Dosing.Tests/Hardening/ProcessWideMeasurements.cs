namespace B12Dosing.Tests.Hardening;

/// <summary>
/// Tests that measure the whole process (<see cref="GC.GetTotalAllocatedBytes(bool)"/>) run alone, not beside other
/// test classes: the calibration draws and bands allocate hundreds of megabytes on other threads, which a process-wide
/// count would charge to the measured run.
/// </summary>
[CollectionDefinition(nameof(ProcessWideMeasurements), DisableParallelization = true)]
public sealed class ProcessWideMeasurements;
