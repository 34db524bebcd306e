using System.Collections.Concurrent;
using System.Diagnostics;
using Dixis.Bench.Processes;
using Grpc.Core;

namespace Dixis.Bench.Load;

/// <summary>
/// Drives an <see cref="IClientWorkload"/> with <see cref="LoadSettings.Connections"/> workers, each with one call in
/// flight, for a warm-up and then the measured window: every call that ends inside the window counts, with its exact
/// latency; a call that throws is an error (its first failure is reported). The CPU time of the measured processes is
/// read over the window, as for h2load.
/// </summary>
public sealed class ClientLoadDriver(TimeProvider timeProvider)
{
    public async Task<LoadResult> RunAsync(IClientWorkload workload, LoadSettings settings, IReadOnlyList<MeasuredProcess> measured, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<long>();
        long errors = 0;
        string? firstFailure = null;
        var measuring = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        async Task WorkAsync(int worker)
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await workload.ExecuteAsync(worker, stop.Token);
                    if (Volatile.Read(ref measuring) == 1)
                    {
                        latencies.Add((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                    }
                }
                catch (Exception failure) when (!stop.IsCancellationRequested && failure is RpcException or InvalidOperationException or HttpRequestException)
                {
                    if (Volatile.Read(ref measuring) == 1)
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstFailure, Describe(failure), null);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (RpcException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }

        var workers = Enumerable.Range(0, settings.Connections).Select(worker => Task.Run(() => WorkAsync(worker), CancellationToken.None)).ToArray();
        await Task.Delay(settings.WarmUp, timeProvider, cancellationToken);
        var cpu = CpuWindow.Start(measured);
        Volatile.Write(ref measuring, 1);
        await Task.Delay(settings.Duration, timeProvider, cancellationToken);
        Volatile.Write(ref measuring, 0);
        var cpuFigures = cpu.Stop(latencies.Count + Interlocked.Read(ref errors));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var sorted = latencies.Order().ToList();
        if (sorted.Count == 0)
        {
            throw new BenchFailedException($"no call completed in the measured window; first failure: {firstFailure ?? "none"}");
        }

        return new LoadResult(
            sorted.Count + errors,
            (sorted.Count + errors) / settings.Duration.TotalSeconds,
            Percentiles.NearestRank(sorted, 50) / 1000.0,
            Percentiles.NearestRank(sorted, 99) / 1000.0,
            errors,
            GrpcProbe: null)
        {
            Cpu = cpuFigures,
            FirstFailure = firstFailure,
        };
    }

    private static string Describe(Exception failure) => failure is RpcException rpc
        ? $"{rpc.StatusCode}: {rpc.Status.Detail}"
        : failure.Message;
}
