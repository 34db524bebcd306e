using System.CommandLine;
using System.Globalization;
using Dixis.Persistence.Definitions;
using Dixis.Persistence.Outbox;
using Microsoft.Extensions.Options;

namespace Dixis.Outbox.Cli;

/// <summary>
/// The tool's command line (System.CommandLine): <c>list</c> shows a service's dead letters, <c>requeue</c> makes
/// some due again. Every option is checked before the store is opened, so a mistyped argument changes nothing.
/// </summary>
public static class OutboxCommandLine
{
    public const int DefaultListCount = 100;

    /// <summary>Parses <paramref name="args"/> and runs the command; results go to <paramref name="output"/>, problems to <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var result = Create(output, error, timeProvider).Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var problem in result.Errors)
            {
                await error.WriteLineAsync($"dixis-outbox: {problem.Message}");
            }

            await error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    private static RootCommand Create(TextWriter output, TextWriter error, TimeProvider timeProvider) =>
        new("Dixis outbox tool: list a service's dead letters (outbox messages no longer retried) and requeue them once the cause is fixed.")
        {
            ListCommand(output, error),
            RequeueCommand(output, error, timeProvider),
        };

    private static Command ListCommand(TextWriter output, TextWriter error)
    {
        var store = new StoreOptions();
        var type = TypeOption("Only dead letters of this message type, e.g. orders.create-shipment.");
        var max = new Option<int>("--max")
        {
            Description = $"How many to show, oldest parked first (default {DefaultListCount}, at most {OutboxDeadLetters.MaxListCount}).",
            DefaultValueFactory = _ => DefaultListCount,
        };
        max.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > OutboxDeadLetters.MaxListCount)
            {
                result.AddError($"--max must be between 1 and {OutboxDeadLetters.MaxListCount}.");
            }
        });

        var command = new Command("list", "Show the dead letters of a service: id, type, attempts, when parked, last error.") { type, max };
        store.AddTo(command);
        command.SetAction((parse, token) => RunOnStoreAsync(store.Read(parse), error, async outbox =>
        {
            var total = await outbox.Queue.CountDeadLettersAsync(token);
            var letters = await outbox.Queue.ListDeadLettersAsync(parse.GetValue(max), parse.GetValue(type), token);
            await output.WriteLineAsync($"{total} dead letter(s) in {outbox.Location}; showing {letters.Count}{(parse.GetValue(type) is { } t ? $" of type {t}" : "")}.");
            foreach (var letter in letters)
            {
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{letter.Id}  {letter.Type}  attempts {letter.Attempts}  parked {letter.DeadLetteredAt:yyyy-MM-ddTHH:mm:ssZ}"));
                await output.WriteLineAsync($"    {letter.LastError}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command RequeueCommand(TextWriter output, TextWriter error, TimeProvider timeProvider)
    {
        var store = new StoreOptions();
        var ids = new Option<string[]>("--id")
        {
            Description = "A dead letter to requeue (repeat for several).",
            HelpName = "ID",
            AllowMultipleArgumentsPerToken = true,
        };
        var type = TypeOption("Requeue every dead letter of this message type.");
        var command = new Command(
            "requeue",
            "Make dead letters due again with a fresh budget of attempts; the service's dispatcher delivers them within its poll interval.")
        {
            ids, type,
        };
        command.Validators.Add(result =>
        {
            var byId = result.GetValue(ids) is { Length: > 0 };
            var byType = result.GetValue(type) is not null;
            if (byId == byType)
            {
                result.AddError("requeue needs either --id (one or more) or --type, not both.");
            }
        });
        store.AddTo(command);
        command.SetAction((parse, token) => RunOnStoreAsync(store.Read(parse), error, async outbox =>
        {
            var now = timeProvider.GetUtcNow();
            if (parse.GetValue(type) is { } messageType)
            {
                var count = await outbox.Queue.RequeueDeadLettersAsync(messageType, now, token);
                await output.WriteLineAsync($"Requeued {count} dead letter(s) of type {messageType} in {outbox.Location}.");
                return ExitCodes.Success;
            }

            var exitCode = ExitCodes.Success;
            foreach (var id in parse.GetValue(ids)!)
            {
                if (await outbox.Queue.RequeueDeadLetterAsync(id, now, token))
                {
                    await output.WriteLineAsync($"Requeued {id}.");
                }
                else
                {
                    await error.WriteLineAsync($"dixis-outbox: {id} is not a dead letter in {outbox.Location} (unknown, pending or delivered); nothing changed.");
                    exitCode = ExitCodes.Failed;
                }
            }

            return exitCode;
        }));
        return command;
    }

    private static Option<string?> TypeOption(string description)
    {
        var option = new Option<string?>("--type") { Description = description, HelpName = "TYPE" };
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
            {
                result.AddError("--type must name a message type.");
            }
        });
        return option;
    }

    /// <summary>Opens the store, runs <paramref name="work"/> on it, and turns a store that cannot be opened into a message and exit code 1.</summary>
    private static async Task<int> RunOnStoreAsync(StoreArguments arguments, TextWriter error, Func<ServiceOutbox, Task<int>> work)
    {
        try
        {
            await using var outbox = ServiceOutbox.Open(arguments);
            return await work(outbox);
        }
        catch (TimeoutException)
        {
            // The driver's message describes the whole cluster, stack traces included; the operator needs one line.
            await error.WriteLineAsync("dixis-outbox: no MongoDB server answered within the server selection timeout; check --mongo or ConnectionStrings__mongo.");
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is FileNotFoundException or OptionsValidationException or MongoDB.Driver.MongoException)
        {
            await error.WriteLineAsync($"dixis-outbox: {ex.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>The service argument and the options that point the tool at its store, shared by both commands.</summary>
    private sealed class StoreOptions
    {
        private readonly Argument<string> service = new("SERVICE") { Description = "The service whose outbox to open: auth, catalog, orders or shipping." };

        private readonly Option<string?> dataDirectory = new("--data-directory")
        {
            Description = "The folder of the SQLite files (default: Persistence__DataDirectory, else ./.data, the AppHost's folder when run from the repository root).",
            HelpName = "DIR",
        };

        private readonly Option<string?> mongo = new("--mongo")
        {
            Description = "A MongoDB connection string (default: ConnectionStrings__mongo); without one the SQLite file is opened.",
            HelpName = "URI",
        };

        private readonly Option<string?> mongoDatabase = new("--mongo-database")
        {
            Description = "The MongoDB database (default: Persistence__MongoDatabase, else the service name).",
            HelpName = "NAME",
        };

        public StoreOptions()
        {
            service.Validators.Add(result =>
            {
                try
                {
                    // The store's own naming rule, so the tool refuses exactly the names a service could not have.
                    _ = new DocumentStoreBuilder(result.GetValueOrDefault<string>());
                }
                catch (ArgumentException invalid)
                {
                    result.AddError($"SERVICE: {invalid.Message.Replace($" (Parameter '{invalid.ParamName}')", "", StringComparison.Ordinal)}");
                }
            });
        }

        public void AddTo(Command command)
        {
            command.Arguments.Add(service);
            command.Options.Add(dataDirectory);
            command.Options.Add(mongo);
            command.Options.Add(mongoDatabase);
        }

        public StoreArguments Read(ParseResult parse) =>
            new(parse.GetValue(service)!, parse.GetValue(dataDirectory), parse.GetValue(mongo), parse.GetValue(mongoDatabase));
    }
}
