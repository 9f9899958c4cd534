/**
 * Resolve in a new task, after whatever is queued — messages from the page included. The training
 * loop awaits only reads, and on cpu and wasm a read resolves as a microtask, which never lets the
 * worker's queued 'stop', 'pause' or learning-rate messages run: before this, Stop did nothing to a
 * run on those backends until it ended. A MessageChannel post is a task without a timer's 4 ms clamp.
 */
let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
    // In Node an open port keeps the process alive; a browser port has no unref.
    (channel.port1 as unknown as { unref?: () => void }).unref?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}
