using Dixis.Catalog.Loading;
using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Cli.CommandLine;

/// <summary><c>import FILE.jsonl --address URL [--mode …] [--validate-only] [--request-id UUID] [--as …] [--demo-ids]</c>.</summary>
/// <param name="File">The rows, one <c>ImportProductsRequest</c> in proto3 JSON per line.</param>
/// <param name="Address">The catalog's grpc endpoint.</param>
/// <param name="Mode">How existing slugs are treated.</param>
/// <param name="ValidateOnly">Check rows without writing.</param>
/// <param name="RequestId">The idempotency key given, or null to make one.</param>
/// <param name="Caller">Who the import runs as.</param>
/// <param name="DemoIds">Translate demo producer and category ids (as <c>generate</c> writes them) to the catalog's.</param>
public sealed record ImportArguments(FileInfo File, Uri Address, ImportMode Mode, bool ValidateOnly, string? RequestId, CallerIdentity Caller, bool DemoIds);
