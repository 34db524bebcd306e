using System.Net;
using System.Net.Http.Headers;
using Dixis.Bench.Scenarios;

namespace Dixis.Bench.Load;

/// <summary>
/// Sends a sample of a gRPC scenario's exact request bytes and reads <c>grpc-status</c>, which h2load
/// does not check: a gRPC failure still answers HTTP 200, so this is how gRPC errors become visible.
/// </summary>
public sealed class GrpcStatusProbe(HttpClient http)
{
    public const int SampleSize = 200;
    private const int Parallelism = 8;

    public static HttpClient CreateClient() =>
        new(new SocketsHttpHandler { EnableMultipleHttp2Connections = true, UseProxy = false })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };

    public async Task<GrpcProbeResult> SampleAsync(Scenario scenario, Uri endpoint, CancellationToken cancellationToken)
    {
        var url = new Uri(endpoint, scenario.Path);
        var failed = 0;
        string? firstFailure = null;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, SampleSize),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (_, token) =>
            {
                var failure = await CallAsync(scenario, url, token);
                if (failure is not null)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstFailure, failure, null);
                }
            });
        return new GrpcProbeResult(SampleSize, failed, firstFailure);
    }

    /// <summary>Null when the call succeeded; otherwise what went wrong, for the report.</summary>
    public async Task<string?> CallAsync(Scenario scenario, Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(scenario.Body.ToArray()),
            // Cleartext HTTP/2 with prior knowledge, as gRPC clients and h2load speak it.
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.ParseAdd("trailers");
        foreach (var (name, value) in scenario.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return $"HTTP {(int)response.StatusCode}";
            }

            // A trailers-only answer (the usual shape of an error) carries grpc-status in the headers.
            var status = Header(response.TrailingHeaders, "grpc-status") ?? Header(response.Headers, "grpc-status");
            if (status != "0")
            {
                var message = Header(response.TrailingHeaders, "grpc-message") ?? Header(response.Headers, "grpc-message");
                return $"grpc-status {status ?? "missing"} {Uri.UnescapeDataString(message ?? string.Empty)}".TrimEnd();
            }

            return body.Length >= GrpcFrame.HeaderLength ? null : "grpc-status 0 without a response message";
        }
        catch (HttpRequestException error)
        {
            return $"transport error: {error.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "no answer within 10 s";
        }
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
