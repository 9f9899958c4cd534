'use client';
import { memo, useMemo } from 'react';
import { countRender } from './renderCount';
import { Plot, type PlotSeries } from './plot/Plot';

export interface ReliabilityPoint {
  meanPredicted: number;
  observedRate: number;
  count: number;
}

/** Reliability diagram: mean recalibrated prediction vs observed rate per quantile bin; the diagonal is perfect calibration.
 * Drawn by the light SVG plot (it redraws while a run streams); memoised.
 */
export const ReliabilityChart = memo(function ReliabilityChart({ bins, label, yName = 'observed rate' }: { bins: ReliabilityPoint[]; label: string; yName?: string }) {
  countRender('ReliabilityChart');
  const top = Math.min(1, Math.max(0.01, ...bins.map((b) => Math.max(b.meanPredicted, b.observedRate))) * 1.1);
  const series = useMemo(
    (): PlotSeries[] => [
      { name: 'perfect calibration', color: '#9aa3b5', points: [{ x: 0, y: 0 }, { x: top, y: top }], dashed: true, hidden: true },
      { name: `bins (${yName})`, color: '#d9480f', points: bins.map((b) => ({ x: b.meanPredicted, y: b.observedRate })), line: false, dots: true },
    ],
    [bins, top, yName],
  );
  return (
    <div role="img" aria-label={label} data-testid="reliability-chart" data-bins={bins.length}>
      <Plot series={series} height={200} xDomain={[0, top]} yDomain={[0, top]} xName="mean predicted" formatX={formatTick} formatY={formatTick} />
    </div>
  );
});

/** Two significant digits, so small probabilities (0.004, 0.012) stay distinct on the axis. */
function formatTick(v: number): string {
  return v === 0 ? '0' : String(Number(v.toPrecision(2)));
}
