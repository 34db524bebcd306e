// The platform is six processes on a two-core machine: tests run one at a time, sharing one platform where they can.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
