'use client';
import { startTransition, useEffect, useRef, useState, type RefObject } from 'react';

/** How often a chart of a running run takes new data. */
export const LIVE_CHART_INTERVAL_MS = 1000;

/**
 * What a chart of a streaming run should draw. Worker events land every 50 ms; redrawing every head's
 * recharts charts at that rate kept the main thread busy in tasks of 100–600 ms (bench: 55 tasks over
 * 50 ms in one short run). While `live`, the chart takes the latest value at most once per interval,
 * at its panel's own `phase` so that several heads' charts redraw in different tasks, and not at all
 * while its panel is off screen (it catches up when scrolled into view). Once the run is not live the
 * value passes straight through, so a finished run's charts show everything at once.
 */
export function useLiveSnapshot<T>(value: T, live: boolean, phase: number, visible: boolean): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  });
  useEffect(() => {
    if (!live || !visible) return;
    // A transition: React renders the chart in slices of a few milliseconds, yielding in between.
    const take = () => startTransition(() => setShown(latest.current));
    take(); // catch up on becoming visible or live
    let interval: ReturnType<typeof setInterval> | undefined;
    const start = setTimeout(() => {
      take();
      interval = setInterval(take, LIVE_CHART_INTERVAL_MS);
    }, phase % LIVE_CHART_INTERVAL_MS);
    return () => {
      clearTimeout(start);
      clearInterval(interval);
    };
  }, [live, visible, phase]);
  return live ? shown : value;
}

/** Whether the element is on screen (or within a screen's margin of it); true where IntersectionObserver is missing. */
export function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setOnScreen(entry.isIntersecting), { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return onScreen;
}
