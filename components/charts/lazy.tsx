'use client';
/**
 * Every chart, loaded on demand: recharts (with its redux and immer) is the largest part of the
 * app's JavaScript, so it stays out of the first page and arrives when the first chart is shown.
 * Import charts from here, types from their own files. The recharts ones mount one per task
 * (./staggered.tsx); those drawn by our SVG plot (./plot/Plot.tsx) take milliseconds and mount at once.
 */
import dynamic from 'next/dynamic';
import { staggered } from './staggered';

function Placeholder() {
  return <div className="chart-loading" aria-hidden="true" />;
}

export const LossChart = dynamic(() => import('./LossChart').then((m) => m.LossChart), { ssr: false, loading: Placeholder });
export const MetricsChart = dynamic(() => import('./MetricsChart').then((m) => m.MetricsChart), { ssr: false, loading: Placeholder });
export const ReliabilityChart = dynamic(() => import('./ReliabilityChart').then((m) => m.ReliabilityChart), { ssr: false, loading: Placeholder });
export const CurveChart = dynamic(() => import('./CurveChart').then((m) => m.CurveChart), { ssr: false, loading: Placeholder });
export const GateChart = staggered(dynamic(() => import('./GateChart').then((m) => m.GateChart), { ssr: false, loading: Placeholder }));
export const ImportanceChart = staggered(dynamic(() => import('./ImportanceChart').then((m) => m.ImportanceChart), { ssr: false, loading: Placeholder }));
export const RunsLossChart = staggered(dynamic(() => import('./RunsLossChart').then((m) => m.RunsLossChart), { ssr: false, loading: Placeholder }));
export const ParameterScatter = staggered(dynamic(() => import('./ParameterScatter').then((m) => m.ParameterScatter), { ssr: false, loading: Placeholder }));
export const VolumeSignalChart = staggered(dynamic(() => import('./VolumeSignalChart').then((m) => m.VolumeSignalChart), { ssr: false, loading: Placeholder }));
