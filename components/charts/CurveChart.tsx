'use client';
import { memo, useMemo } from 'react';
import { countRender } from './renderCount';
import { Plot, type PlotSeries } from './plot/Plot';

/**
 * A ROC or precision–recall curve (points already downsampled to the chart's width), on the light SVG
 * plot: a finished run shows two per head at once, and as recharts charts they were a 70–100 ms task each.
 */
export const CurveChart = memo(function CurveChart({ points, xLabel, yLabel, label, diagonal = false }: { points: { x: number; y: number }[]; xLabel: string; yLabel: string; label: string; diagonal?: boolean }) {
  countRender('CurveChart');
  const series = useMemo(
    (): PlotSeries[] => [
      ...(diagonal ? [{ name: 'chance', color: '#9aa3b5', points: [{ x: 0, y: 0 }, { x: 1, y: 1 }], dashed: true, hidden: true }] : []),
      { name: yLabel, color: '#2f5bd3', points },
    ],
    [points, yLabel, diagonal],
  );
  return (
    <div role="img" aria-label={label} data-testid={`curve-${xLabel}`}>
      <Plot series={series} height={180} xDomain={[0, 1]} yDomain={[0, 1]} xName={xLabel} formatX={oneDecimal} formatY={oneDecimal} />
    </div>
  );
});

function oneDecimal(v: number): string {
  return v.toFixed(1);
}
