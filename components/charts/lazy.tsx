'use client';
/**
 * Every chart, loaded on demand: recharts (with its redux and immer) is the largest part of the
 * app's JavaScript, so it stays out of the first page and arrives when the first chart is shown.
 * Import charts from here, types from their own files.
 */
import dynamic from 'next/dynamic';

function Placeholder() {
  return <div className="chart-loading" aria-hidden="true" />;
}

export const LossChart = dynamic(() => import('./LossChart').then((m) => m.LossChart), { ssr: false, loading: Placeholder });
export const MetricsChart = dynamic(() => import('./MetricsChart').then((m) => m.MetricsChart), { ssr: false, loading: Placeholder });
export const ReliabilityChart = dynamic(() => import('./ReliabilityChart').then((m) => m.ReliabilityChart), { ssr: false, loading: Placeholder });
export const CurveChart = dynamic(() => import('./CurveChart').then((m) => m.CurveChart), { ssr: false, loading: Placeholder });
export const GateChart = dynamic(() => import('./GateChart').then((m) => m.GateChart), { ssr: false, loading: Placeholder });
export const ImportanceChart = dynamic(() => import('./ImportanceChart').then((m) => m.ImportanceChart), { ssr: false, loading: Placeholder });
export const RunsLossChart = dynamic(() => import('./RunsLossChart').then((m) => m.RunsLossChart), { ssr: false, loading: Placeholder });
export const ParameterScatter = dynamic(() => import('./ParameterScatter').then((m) => m.ParameterScatter), { ssr: false, loading: Placeholder });
export const VolumeSignalChart = dynamic(() => import('./VolumeSignalChart').then((m) => m.VolumeSignalChart), { ssr: false, loading: Placeholder });
