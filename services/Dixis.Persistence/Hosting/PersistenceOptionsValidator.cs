using Microsoft.Extensions.Options;

namespace Dixis.Persistence.Hosting;

/// <summary>Checks <see cref="PersistenceOptions"/> at start, naming every bad setting by its configuration key.</summary>
internal sealed class PersistenceOptionsValidator : IValidateOptions<PersistenceOptions>
{
    /// <summary>What MongoDB refuses in a database name (on any platform), and the NUL character.</summary>
    private static readonly char[] ForbiddenInDatabaseNames = ['/', '\\', '.', ' ', '"', '$', '*', '<', '>', ':', '|', '?', '\0'];

    public ValidateOptionsResult Validate(string? name, PersistenceOptions options)
    {
        var failures = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                failures.Add(message);
            }
        }

        const string Section = PersistenceOptions.SectionName;
        Require(!string.IsNullOrWhiteSpace(options.DataDirectory), $"{Section}:DataDirectory must name a directory.");
        Require(options.MaxPageSize is >= 1 and <= 10_000, $"{Section}:MaxPageSize must be between 1 and 10000.");
        Require(options.BusyTimeout >= TimeSpan.FromMilliseconds(100) && options.BusyTimeout <= TimeSpan.FromMinutes(5), $"{Section}:BusyTimeout must be between 00:00:00.1 and 00:05:00.");

        Require(options.MaintenanceInterval >= TimeSpan.FromSeconds(1), $"{Section}:MaintenanceInterval must be at least 00:00:01.");
        Require(
            string.IsNullOrEmpty(options.MongoDatabase) || (options.MongoDatabase.Length <= 63 && options.MongoDatabase.IndexOfAny(ForbiddenInDatabaseNames) < 0),
            $"{Section}:MongoDatabase must be at most 63 characters without spaces or any of / \\ . \" $ * < > : | ?.");

        var outbox = options.Outbox;
        Require(outbox.PollInterval > TimeSpan.Zero && outbox.PollInterval <= TimeSpan.FromMinutes(1), $"{Section}:Outbox:PollInterval must be positive and at most 00:01:00.");
        Require(outbox.LeaseDuration >= TimeSpan.FromSeconds(1), $"{Section}:Outbox:LeaseDuration must be at least 00:00:01.");
        Require(outbox.BatchSize is >= 1 and <= 1000, $"{Section}:Outbox:BatchSize must be between 1 and 1000.");
        Require(outbox.InitialBackoff > TimeSpan.Zero, $"{Section}:Outbox:InitialBackoff must be positive.");
        Require(outbox.Retention > TimeSpan.Zero, $"{Section}:Outbox:Retention must be positive.");
        Require(outbox.MaxBackoff >= outbox.InitialBackoff, $"{Section}:Outbox:MaxBackoff must be at least InitialBackoff.");
        Require(outbox.MaxAttempts is >= 1 and <= 10_000, $"{Section}:Outbox:MaxAttempts must be between 1 and 10000.");

        var idempotency = options.Idempotency;
        Require(idempotency.InProgressTimeout > TimeSpan.Zero, $"{Section}:Idempotency:InProgressTimeout must be positive.");
        Require(idempotency.Retention > idempotency.InProgressTimeout, $"{Section}:Idempotency:Retention must be longer than InProgressTimeout.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
