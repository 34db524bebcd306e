using System.Diagnostics;

namespace Dixis.Bench.Processes;

/// <summary>The last lines a child process printed, kept to explain a failed start without filling memory.</summary>
public sealed class ConsoleTail(int capacity)
{
    private readonly Queue<string> lines = new();
    private readonly Lock gate = new();

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public override string ToString()
    {
        lock (gate)
        {
            return string.Join('\n', lines);
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            lines.Enqueue(line);
            while (lines.Count > capacity)
            {
                lines.Dequeue();
            }
        }
    }
}
