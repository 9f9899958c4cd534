'use client';
/**
 * Every chart, loaded on demand: recharts (with its redux and immer) is the largest part of the
 * app's JavaScript, so it stays out of the first page and arrives when the first chart is shown.
 * Import charts from here, types from their own files. Charts a finished run shows many of at once
 * mount one per task (./staggered.tsx): even the SVG plots, eight together, were a 60–70 ms task here;
 * the Train cell's live loss and metrics charts mount at once.
 */
import dynamic from 'next/dynamic';
import { staggered } from './staggered';

function Placeholder() {
  return <div className="chart-loading" aria-hidden="true" />;
}

export const LossChart = dynamic(() => import('./LossChart').then((m) => m.LossChart), { ssr: false, loading: Placeholder });
export const MetricsChart = dynamic(() => import('./MetricsChart').then((m) => m.MetricsChart), { ssr: false, loading: Placeholder });
export const ReliabilityChart = staggered(dynamic(() => import('./ReliabilityChart').then((m) => m.ReliabilityChart), { ssr: false, loading: Placeholder }));
export const CurveChart = staggered(dynamic(() => import('./CurveChart').then((m) => m.CurveChart), { ssr: false, loading: Placeholder }));
export const GateChart = staggered(dynamic(() => import('./GateChart').then((m) => m.GateChart), { ssr: false, loading: Placeholder }));
export const ImportanceChart = staggered(dynamic(() => import('./ImportanceChart').then((m) => m.ImportanceChart), { ssr: false, loading: Placeholder }));
export const RunsLossChart = staggered(dynamic(() => import('./RunsLossChart').then((m) => m.RunsLossChart), { ssr: false, loading: Placeholder }));
export const ParameterScatter = staggered(dynamic(() => import('./ParameterScatter').then((m) => m.ParameterScatter), { ssr: false, loading: Placeholder }));
export const VolumeSignalChart = staggered(dynamic(() => import('./VolumeSignalChart').then((m) => m.VolumeSignalChart), { ssr: false, loading: Placeholder }));
