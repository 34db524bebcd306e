namespace Dixis.Persistence.Idempotency;

/// <summary>The result of beginning an idempotent request; <see cref="Response"/> is set when <see cref="Status"/> is Completed.</summary>
public sealed record IdempotencyOutcome(IdempotencyStatus Status, byte[]? Response = null);
