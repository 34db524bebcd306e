namespace Dixis.AppHost.Hosting;

/// <summary>The AppHost's command line is wrong; the message says what and how to fix it.</summary>
public sealed class CommandLineException(string message) : Exception(message);
