using Dixis.Contracts.Catalog.V1;

namespace Dixis.Catalog.Loading;

/// <summary>What the first message of an import says for the whole stream.</summary>
/// <param name="RequestId">The idempotency key (a UUID): a retry with the same key reports the first result instead of importing twice.</param>
/// <param name="Mode">How rows whose slug exists are treated.</param>
/// <param name="ValidateOnly">Check and report rows without writing any.</param>
public sealed record ImportSettings(string RequestId, ImportMode Mode, bool ValidateOnly);
