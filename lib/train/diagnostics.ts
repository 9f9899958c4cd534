import * as tf from '@tensorflow/tfjs';
import type { MultiHeadModel } from '../models/types';
import { disposeInputs, inputsOf } from './inputs';
import type { PreparedData } from './prepare';
import { popularityRecallAtK, recallAtK, type RetrievalRecall } from './retrieval';

/** What a trained model shows beyond its predictions. */
export interface ModelDiagnostics {
  /** MMoE: per task, the mean gate weight of each expert over validation rows. */
  gates: number[][] | null;
  /** Two-tower: recall@k over the item set per task. */
  retrieval: RetrievalRecall[] | null;
  /** GBDT: per task, total split gain of each feature, largest first. */
  importance: { task: string; features: { feature: string; gain: number }[] }[] | null;
  /** GBDT: per task, how many trees were kept (the best validation iteration). */
  trees: { task: string; grown: number; kept: number }[] | null;
}

/** Enough rows for stable averages and recall without scoring everything. */
const DIAGNOSTIC_ROWS = 4096;
const MAX_QUERIES = 2000;

export async function diagnose(model: MultiHeadModel, data: PreparedData, k: number): Promise<ModelDiagnostics> {
  return { gates: model.gates ? await meanGates(model, data) : null, retrieval: model.towers && data.catalog ? await retrievalRecall(model, data, k) : null, importance: null, trees: null };
}

async function meanGates(model: MultiHeadModel, data: PreparedData): Promise<number[][]> {
  const mean = tf.tidy(() => {
    const x = inputsOf(data.validation, 0, Math.min(DIAGNOSTIC_ROWS, data.validation.rows));
    const m = tf.mean(model.gates!(x), 0); // [T, E]
    disposeInputs(x);
    return m;
  });
  const values = (await mean.array()) as number[][];
  mean.dispose();
  return values;
}

async function retrievalRecall(model: MultiHeadModel, data: PreparedData, k: number): Promise<RetrievalRecall[]> {
  const catalog = data.catalog!;
  const items = catalog.encoded.rows;
  const T = data.tasks.length;
  const itemEmbeddings = tf.tidy(() => {
    const x = inputsOf(catalog.encoded);
    const e = model.towers!.item(x); // [I, T, d]
    disposeInputs(x);
    return e;
  });
  try {
    const out: RetrievalRecall[] = [];
    for (let t = 0; t < T; t++) {
      // Validation rows where the action happened: the query should find their item.
      const positives: number[] = [];
      data.validationLabels[t].forEach((y, i) => {
        if (y === 1 && data.validationKnown[t][i] && positives.length < MAX_QUERIES) positives.push(i);
      });
      const trueItem = Int32Array.from(positives, (i) => catalog.validationItem[i]);
      const popularityRecall = popularityRecallAtK(catalog.trainPositives[t], trueItem, k);
      if (positives.length === 0) {
        out.push({ task: data.tasks[t], k, queries: 0, items, recall: NaN, popularityRecall });
        continue;
      }
      const scores = tf.tidy(() => {
        const all = inputsOf(data.validation);
        const index = tf.tensor1d(Int32Array.from(positives), 'int32');
        const picked = Object.fromEntries(Object.entries(all).map(([key, v]) => [key, tf.gather(v, index)])) as unknown as typeof all;
        const d = itemEmbeddings.shape[2];
        const q = tf.reshape(tf.slice(model.towers!.query(picked), [0, t, 0], [positives.length, 1, d]), [positives.length, d]);
        const v = tf.reshape(tf.slice(itemEmbeddings, [0, t, 0], [items, 1, d]), [items, d]);
        return tf.matMul(q, v, false, true); // [P, I]
      });
      const values = (await scores.data()) as Float32Array;
      scores.dispose();
      out.push({ task: data.tasks[t], k, queries: positives.length, items, recall: recallAtK(values, positives.length, items, trueItem, k), popularityRecall });
    }
    return out;
  } finally {
    itemEmbeddings.dispose();
  }
}
