import { useAppStore } from '@/lib/store';

export const SAMPLE_URL = '/data/kuairand_feedback.tsv';
export const SAMPLE_NAME = 'KuaiRand feedback sample (kuairand_feedback.tsv)';

/** Load the bundled KuaiRand sample (a new notebook starts with it). */
export function loadBundledSample(): void {
  const { loadFile, reportDataError } = useAppStore.getState();
  fetch(SAMPLE_URL)
    .then((r) => {
      if (!r.ok) throw new Error(`the bundled sample answered HTTP ${r.status}`);
      return r.blob();
    })
    .then((blob) => loadFile(blob, SAMPLE_NAME))
    .catch(reportDataError);
}
