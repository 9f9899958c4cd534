'use client';
import type { HeadWarning } from '@/lib/metrics/headWarnings';
import type { HeadReport } from '@/lib/metrics/report';
import { MIN_VALIDATION_POSITIVES } from '@/lib/sampling/trainability';
import { CurveChart, ReliabilityChart } from '../../charts/lazy';
import { Term } from '../../ui/Term';
import type { Term as TermName } from '@/lib/notebook/glossary';

/** Which metric names get a definition tooltip. */
const TERM_OF: Record<string, TermName> = { AUC: 'AUC', 'GAUC (per user)': 'GAUC', 'normalized entropy': 'NE', 'calibration ratio Σp/Σy': 'calibration ratio', 'ECE, quantile bins': 'ECE', 'ECE, uniform bins': 'ECE' };

const fmt = (v: number | null, digits = 4) => (v === null || !Number.isFinite(v) ? '—' : v.toFixed(digits));

/** One head's validation metrics and curves. */
export function HeadPanel({ task, keepRate, report, raw, warnings = [] }: { task: string; keepRate: number; report: HeadReport; raw: boolean; warnings?: HeadWarning[] }) {
  // A blank figure always says why: one class in validation, too few positives, or no user column.
  const oneClass = report.positives === 0 || report.positives === report.rows;
  const perUser = report.gauc === null ? 'needs a user column: give one the role user-id in the Data cell' : '';
  const rows: [string, string, string][] = [
    ['AUC', fmt(report.auc), oneClass ? 'cannot be computed: the validation rows hold one class' : 'ranking quality; blind to calibration'],
    ['GAUC (per user)', fmt(report.gauc), perUser || 'impression-weighted per-user AUC'],
    ['log loss', fmt(report.logLoss), ''],
    ['normalized entropy', fmt(report.normalizedEntropy), 'log loss ÷ base-rate log loss; < 1 beats the base rate'],
    ['calibration ratio Σp/Σy', fmt(report.calibrationRatio, 3), calibrationNote(report)],
    ['ECE, quantile bins', fmt(report.eceQuantile), ''],
    ['ECE, uniform bins', fmt(report.eceUniform), ''],
    ['average precision', fmt(report.averagePrecision), ''],
    ['NDCG@10 (per user)', fmt(report.ndcgAt10), perUser],
    ['recall@10 (per user)', fmt(report.recallAt10), perUser],
  ];
  const thin = !oneClass && report.positives < MIN_VALIDATION_POSITIVES;
  return (
    <div className="chart-card" data-testid={`eval-${task}`}>
      <h3>
        {task} <span className="muted"><Term term="keep rate" /> {keepRate}; {report.positives.toLocaleString()} positives in {report.rows.toLocaleString()} rows</span>
      </h3>
      {(oneClass || thin) && (
        <p className="alert warn" role="status" data-testid={`judge-warning-${task}`}>
          {oneClass
            ? `The validation rows hold ${report.positives === 0 ? 'no positive' : 'no negative'} of ${task}: its AUC and calibration cannot be judged, and model selection ignored this head.`
            : `Only ${report.positives} validation positive${report.positives === 1 ? '' : 's'} of ${task}: these figures are noise (at least ${MIN_VALIDATION_POSITIVES} are needed to judge AUC and calibration).`}
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="alert warn" data-testid={`head-warnings-${task}`} aria-label={`Warnings for ${task}`}>
          {warnings.map((w) => (
            <li key={w.kind} data-kind={w.kind}>
              <strong>{w.figure}</strong>: {w.cause}. Fix: {w.fix}.
            </li>
          ))}
        </ul>
      )}
      <table className="grid" aria-label={`Validation metrics for ${task}`}>
        <tbody>
          {rows.map(([name, value, note]) => (
            <tr key={name}>
              <td>{TERM_OF[name] ? <Term term={TERM_OF[name]}>{name}</Term> : name}</td>
              <td className={`num${name.startsWith('calibration') && raw && keepRate < 1 ? ' down' : ''}`} data-metric={name}>
                {value}
              </td>
              <td className="muted wrap">{note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ReliabilityChart bins={report.reliability} label={`Reliability diagram for ${task}`} />
      <details>
        <summary>Reliability bins: rows, mean predicted and observed rate</summary>
        <table className="grid" aria-label={`Reliability bins for ${task}`} data-testid={`reliability-bins-${task}`}>
          <thead>
            <tr>
              <th className="num">rows</th>
              <th className="num">mean predicted</th>
              <th className="num">observed rate</th>
            </tr>
          </thead>
          <tbody>
            {report.reliability.map((b, i) => (
              <tr key={i}>
                <td className="num">{b.count.toLocaleString()}</td>
                <td className="num">{fmt(b.meanPredicted)}</td>
                <td className="num">{fmt(b.observedRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <div className="row" style={{ alignItems: 'stretch' }}>
        <div style={{ flex: 1, minWidth: 180 }}>
          <CurveChart points={report.roc} xLabel="FPR" yLabel="TPR" label={`ROC curve for ${task}`} diagonal />
        </div>
        <div style={{ flex: 1, minWidth: 180 }}>
          <CurveChart points={report.pr} xLabel="recall" yLabel="precision" label={`Precision–recall curve for ${task}`} />
        </div>
      </div>
      {report.truth && (
        <div data-testid={`truth-${task}`}>
          <p>
            Against the generator&rsquo;s true probabilities: mean absolute error {fmt(report.truth.meanAbsoluteError)}, correlation{' '}
            {fmt(report.truth.correlation, 3)}.
          </p>
          <ReliabilityChart bins={report.truth.bins.map((b) => ({ meanPredicted: b.meanPredicted, observedRate: b.meanTrue, count: b.count }))} label={`Predicted against true probability for ${task}`} yName="true probability" />
        </div>
      )}
    </div>
  );
}

/** 1 is ideal; beside it, the ratios a calibrated head would show on these rows (the noise of a finite sample). */
function calibrationNote(report: HeadReport): string {
  const [lo, hi] = report.calibrationInterval;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return '1 is ideal';
  const inside = report.calibrationRatio >= lo && report.calibrationRatio <= hi;
  return `1 is ideal; a calibrated head gives ${lo.toFixed(3)}–${hi.toFixed(3)} on these rows (95%)${inside ? '' : ': this one is outside'}`;
}
