namespace Dixis.Catalog.Cli.CommandLine;

/// <summary><c>demo --address URL [--products N] [--producers M] [--seed S]</c>.</summary>
public sealed record DemoArguments(Uri Address, int Products, int Producers, int Seed);
