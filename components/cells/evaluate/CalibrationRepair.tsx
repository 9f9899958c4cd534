'use client';
import type { Posthoc } from '@/lib/metrics/posthoc';
import type { HeadReports } from './useReports';

const fmt = (v: number, digits = 4) => (Number.isFinite(v) ? v.toFixed(digits) : '—');

/** Each head's calibration before and after the post-hoc map: what repair did, beside what sampling correction does. */
export function CalibrationRepair({ before, after, kind }: { before: HeadReports; after: HeadReports; kind: Posthoc }) {
  return (
    <div className="scroll-x">
      <table className="grid" data-testid="calibration-repair" aria-label={`Calibration before and after ${kind} repair`}>
        <caption style={{ textAlign: 'left' }}>
          {kind === 'platt' ? 'Platt scaling' : 'Isotonic regression'} fitted on validation rows, each row scored by a map fitted on the other half (AUC barely moves: it repairs probabilities, not order)
        </caption>
        <thead>
          <tr>
            <th>head</th>
            <th className="num">ratio before</th>
            <th className="num">ratio after</th>
            <th className="num">ECE before</th>
            <th className="num">ECE after</th>
            <th className="num">NE before</th>
            <th className="num">NE after</th>
            <th className="num">AUC before</th>
            <th className="num">AUC after</th>
          </tr>
        </thead>
        <tbody>
          {after.map(({ task, report }) => {
            const b = before.find((x) => x.task === task)?.report;
            if (!b) return null;
            return (
              <tr key={task} data-task={task}>
                <td>{task}</td>
                <td className="num">{fmt(b.calibrationRatio, 3)}</td>
                <td className="num" data-metric="ratio-after">{fmt(report.calibrationRatio, 3)}</td>
                <td className="num">{fmt(b.eceQuantile)}</td>
                <td className="num">{fmt(report.eceQuantile)}</td>
                <td className="num">{fmt(b.normalizedEntropy)}</td>
                <td className="num">{fmt(report.normalizedEntropy)}</td>
                <td className="num">{fmt(b.auc)}</td>
                <td className="num">{fmt(report.auc)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
