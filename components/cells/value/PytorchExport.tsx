'use client';
import { pytorchExport, pytorchExportProblems } from '@/lib/export/pytorch';
import { useAppStore } from '@/lib/store';
import type { RunView } from '@/lib/store/runSlice';
import { downloadText } from '../../ui/download';

/**
 * Scale-out: a standalone PyTorch script that reproduces this run on the same CSV (and runs under
 * torchrun with DistributedDataParallel), with its requirements. Settings it cannot reproduce yet are
 * named instead of exported wrongly.
 */
export function PytorchExport({ run }: { run: RunView }) {
  const weights = useAppStore((s) => s.weights);
  const problems = pytorchExportProblems(run.spec, run.config);
  const save = () => {
    const { script, requirements } = pytorchExport({ spec: run.spec, config: run.config, weights, source: run.table.source });
    downloadText('valuelab_train.py', script, 'text/x-python');
    downloadText('requirements.txt', requirements, 'text/plain');
  };
  return (
    <div className="row" data-testid="pytorch-export">
      <button className="secondary" onClick={save} disabled={problems.length > 0}>
        Export to PyTorch (script + requirements)
      </button>
      {problems.length > 0 ? (
        <span className="muted" role="note">
          Not exportable yet: {problems.join('; ')}.
        </span>
      ) : (
        <span className="muted">
          Run it with <code>python3 valuelab_train.py {run.table.source}</code>, or <code>torchrun --nproc_per_node=N</code> for several processes.
        </span>
      )}
    </div>
  );
}
