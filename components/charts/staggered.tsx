'use client';
/**
 * Charts that appear together mount one per task. A recharts chart costs 30–60 ms of main thread to
 * mount on a slow machine, and a finished run's reports show up to eight at once: in one commit that
 * was a 190 ms task. Queued, each mounts in its own task behind a placeholder of the chart's height,
 * and the page answers between them. Only the first mount waits; later updates render at once.
 */
import { useEffect, useState, type ComponentType } from 'react';

const waiting: (() => void)[] = [];
let draining = false;

/** Let the next queued chart mount, one task at a time. */
function drain(): void {
  const next = waiting.shift();
  if (!next) {
    draining = false;
    return;
  }
  next();
  setTimeout(drain, 0);
}

function takeTurn(mount: () => void): void {
  waiting.push(mount);
  if (!draining) {
    draining = true;
    setTimeout(drain, 0);
  }
}

export function staggered<P extends object>(Chart: ComponentType<P>): ComponentType<P> {
  function StaggeredChart(props: P) {
    const [ready, setReady] = useState(false);
    useEffect(() => {
      let live = true;
      takeTurn(() => live && setReady(true));
      return () => {
        live = false;
      };
    }, []);
    return ready ? <Chart {...props} /> : <div className="chart-loading" aria-hidden="true" />;
  }
  return StaggeredChart;
}
