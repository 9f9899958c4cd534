'use client';
import { useAppStore } from '@/lib/store';
import type { RunView } from '@/lib/store/runSlice';
import { downloadText } from '../../ui/download';

/**
 * Scale-out: a standalone PyTorch script that reproduces this run on the same CSV (and runs under
 * torchrun with DistributedDataParallel; GBDT grows its trees in one process), with its requirements.
 */
export function PytorchExport({ run }: { run: RunView }) {
  const weights = useAppStore((s) => s.weights);
  const save = async () => {
    // Loaded on demand: the script's Python templates stay out of the first page.
    const { pytorchExport } = await import('@/lib/export/pytorch');
    const { script, requirements } = pytorchExport({ spec: run.spec, config: run.config, weights, source: run.table.source });
    downloadText('valuelab_train.py', script, 'text/x-python');
    downloadText('requirements.txt', requirements, 'text/plain');
  };
  return (
    <div className="row" data-testid="pytorch-export">
      <button className="secondary" onClick={save}>
        Export to PyTorch (script + requirements)
      </button>
      <span className="muted">
        Run it with <code>python3 valuelab_train.py {run.table.source}</code>
        {run.config.modelKind === 'gbdt' ? ' (the trees grow in one process).' : <>, or <code>torchrun --nproc_per_node=N</code> for several processes.</>}
      </span>
    </div>
  );
}
