'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatTick, logTicks, niceDomain } from './scales';

/**
 * A small hand-drawn SVG plot for the charts that redraw while a run streams (loss, metrics and
 * reliability per head) and for the ROC and precision–recall curves a finished run shows several of at
 * once. recharts 3 took 50–100 ms of main thread per chart on the reference machine (its redux store,
 * forced text measurements and ~50 components per chart), so each was a long task; this draws the same
 * lines in one render of a few elements, a few milliseconds. The charts drawn one at a time, on
 * request, stay on recharts.
 */

export interface PlotSeries {
  name: string;
  color: string;
  points: { x: number; y: number }[];
  /** Draw a line through the points (default), dots on them, or both. */
  line?: boolean;
  dots?: boolean;
  dashed?: boolean;
  faint?: boolean;
  /** Leave out of the legend and the hover readout (e.g. a reference diagonal). */
  hidden?: boolean;
}

export interface PlotProps {
  series: PlotSeries[];
  height: number;
  logY?: boolean;
  /** Fixed domains; otherwise the data's range widened to nice ticks. */
  xDomain?: [number, number];
  yDomain?: [number, number];
  formatY?: (v: number) => string;
  formatX?: (v: number) => string;
  xName: string;
}

const MARGIN = { top: 8, right: 12, bottom: 22, left: 50 };

export function Plot({ series, height, logY = false, xDomain, yDomain, formatY, formatX, xName }: PlotProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const [hoverX, setHoverX] = useState<number | null>(null);
  const plotW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(10, height - MARGIN.top - MARGIN.bottom);

  const axes = useMemo(() => {
    const usable = (p: { x: number; y: number }) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!logY || p.y > 0);
    const xs = series.flatMap((s) => s.points.filter(usable).map((p) => p.x));
    const ys = series.flatMap((s) => s.points.filter(usable).map((p) => p.y));
    const x = xDomain ? { ...niceDomain(xDomain[0], xDomain[1], 5), domain: xDomain } : niceDomain(Math.min(...xs), Math.max(...xs), 5);
    let y: { domain: [number, number]; ticks: number[]; step: number };
    if (yDomain) y = { ...niceDomain(yDomain[0], yDomain[1], 4), domain: yDomain };
    else if (logY && ys.length > 0) {
      const lo = Math.min(...ys) / 1.05;
      const hi = Math.max(...ys) * 1.05;
      y = { domain: [lo, hi], ticks: logTicks(lo, hi), step: lo };
    } else y = niceDomain(Math.min(...ys), Math.max(...ys), 4);
    return { x, y, usable };
  }, [series, logY, xDomain, yDomain]);

  const { x, y, usable } = axes;
  const sx = (v: number) => MARGIN.left + ((v - x.domain[0]) / (x.domain[1] - x.domain[0] || 1)) * plotW;
  const ty = (v: number) => (logY ? Math.log(v) : v);
  const sy = (v: number) => MARGIN.top + plotH - ((ty(v) - ty(y.domain[0])) / (ty(y.domain[1]) - ty(y.domain[0]) || 1)) * plotH;
  const yLabel = formatY ?? ((v: number) => (logY ? String(Number(v.toPrecision(2))) : formatTick(v, y.step)));
  const xLabel = formatX ?? ((v: number) => formatTick(v, x.step));
  const shown = series.filter((s) => !s.hidden);
  const readout = hoverX === null ? null : nearest(shown, hoverX, usable);

  return (
    <div ref={box} className="plot">
      <svg width={width} height={height} aria-hidden="true" onPointerMove={(e) => {
          const left = e.currentTarget.getBoundingClientRect().left;
          setHoverX(x.domain[0] + ((e.clientX - left - MARGIN.left) / plotW) * (x.domain[1] - x.domain[0]));
        }} onPointerLeave={() => setHoverX(null)}>
        {y.ticks.map((t) => (
          <g key={`y${t}`} className="plot-tick">
            <line x1={MARGIN.left} x2={MARGIN.left + plotW} y1={sy(t)} y2={sy(t)} className="plot-grid" />
            <text x={MARGIN.left - 4} y={sy(t)} dy="0.32em" textAnchor="end">{yLabel(t)}</text>
          </g>
        ))}
        {x.ticks.filter((t) => t >= x.domain[0] && t <= x.domain[1]).map((t) => (
          <text key={`x${t}`} className="plot-tick" x={sx(t)} y={MARGIN.top + plotH + 14} textAnchor="middle">{xLabel(t)}</text>
        ))}
        <line className="plot-axis" x1={MARGIN.left} x2={MARGIN.left + plotW} y1={MARGIN.top + plotH} y2={MARGIN.top + plotH} />
        <line className="plot-axis" x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={MARGIN.top + plotH} />
        {series.map((s) => (
          <g key={s.name} opacity={s.faint ? 0.45 : 1}>
            {s.line !== false && <path className="plot-line" d={linePath(s.points.filter(usable), sx, sy)} fill="none" stroke={s.color} strokeWidth={1.5} strokeDasharray={s.dashed ? '4 4' : undefined} />}
            {s.dots && s.points.filter(usable).map((p, i) => <circle key={i} className="plot-dot" cx={sx(p.x)} cy={sy(p.y)} r={3} fill={s.color} />)}
          </g>
        ))}
        {readout && <line className="plot-cursor" x1={sx(readout.x)} x2={sx(readout.x)} y1={MARGIN.top} y2={MARGIN.top + plotH} />}
      </svg>
      {readout && (
        <div className="plot-readout">
          {xName} {xLabel(readout.x)}
          {readout.values.map((v) => (
            <span key={v.name} style={{ color: v.color }}> · {v.name} {v.y.toFixed(4)}</span>
          ))}
        </div>
      )}
      <ul className="plot-legend">
        {shown.map((s) => (
          <li key={s.name}>
            <span className="plot-swatch" style={{ background: s.color }} />
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "M x y L x y …", starting a new segment after a gap. */
function linePath(points: { x: number; y: number }[], sx: (v: number) => number, sy: (v: number) => number): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)} ${sy(p.y).toFixed(1)}`).join('');
}

/** Each series' point nearest to x (by x), for the hover readout. */
function nearest(series: PlotSeries[], x: number, usable: (p: { x: number; y: number }) => boolean): { x: number; values: { name: string; color: string; y: number }[] } | null {
  let best: number | null = null;
  for (const s of series) for (const p of s.points) if (usable(p) && (best === null || Math.abs(p.x - x) < Math.abs(best - x))) best = p.x;
  if (best === null) return null;
  const at = best;
  const values = series.flatMap((s) => {
    const p = s.points.find((q) => q.x === at && usable(q));
    return p ? [{ name: s.name, color: s.color, y: p.y }] : [];
  });
  return { x: at, values };
}

/** The element's width, following resizes. */
function useWidth(ref: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(480);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth || 480);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width) || 480));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
