namespace Dixis.Catalog.Cli.CommandLine;

/// <summary><c>generate --products N [--seed S] [--producers M] --out FILE.jsonl</c>.</summary>
public sealed record GenerateArguments(int Products, int Seed, int Producers, FileInfo Out);
