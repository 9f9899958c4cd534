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
    channel.port1.onmessage = () => {
      waiting.shift()?.();
      // In Node an open port keeps the process alive: held only while a wait is pending, so neither
      // an idle process hangs on it nor a training one exits in the middle (a browser port has no ref).
      if (waiting.length === 0) port(channel!).unref?.();
    };
  }
  port(channel).ref?.();
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}

function port(c: MessageChannel): { ref?: () => void; unref?: () => void } {
  return c.port1 as unknown as { ref?: () => void; unref?: () => void };
}
