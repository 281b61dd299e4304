namespace Rapport.Application.Background;

/// <summary>
/// Counts a background worker's passes. That nothing more came of something can only be told once the worker has looked
/// again, in a pass that started after the question was asked: <see cref="NextAsync"/> waits for exactly that, where a
/// fixed delay would only guess how long a pass takes on a busy machine.
/// </summary>
public sealed class WorkerPasses
{
    private long _started;
    private long _finished;
    private TaskCompletionSource _finishedOne = NewSignal();

    /// <summary>Call first thing in a pass, before it reads anything; the pass ends when disposed, or at its End.</summary>
    public Pass Begin()
    {
        Interlocked.Increment(ref _started);
        return new Pass(this);
    }

    /// <summary>Waits until a pass that starts after this call has finished; the one under way may have read before it.</summary>
    public async Task NextAsync(CancellationToken cancellationToken = default)
    {
        var target = Interlocked.Read(ref _started) + 1;
        while (true)
        {
            var finishedOne = Volatile.Read(ref _finishedOne);
            if (Interlocked.Read(ref _finished) >= target)
                return;
            await finishedOne.Task.WaitAsync(cancellationToken);
        }
    }

    private void Finish()
    {
        Interlocked.Increment(ref _finished);
        Interlocked.Exchange(ref _finishedOne, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One pass: ended once, by <see cref="End"/> before the worker waits, or when disposed, failed or not.</summary>
    public sealed class Pass(WorkerPasses passes) : IDisposable
    {
        private int _ended;

        public void End()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
                passes.Finish();
        }

        public void Dispose() => End();
    }
}
