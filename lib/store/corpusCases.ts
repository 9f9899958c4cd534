/**
 * The real-file corpus (lib/data/corpus, sources in its README): what a person would choose for each
 * file's columns, and the training cases whose AUC is checked against scikit-learn on the same
 * encoded rows (scripts/golden/corpus_golden.py writes lib/data/corpus/golden.json from the rows
 * scripts/golden/corpus-cases.ts exports). Shared by lib/store/corpus.test.ts and those scripts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTable } from '../data/formats';
import type { ColumnRole } from '../data/roles';
import type { DerivedAction } from '../formulate/derived';
import { INITIAL_STATUSES } from '../notebook/cells';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../train/config';
import { useAppStore } from './index';

export const CORPUS_DIR = join(__dirname, '../data/corpus');
/** The bundled sample, read where the app serves it from. */
export const SAMPLE_PATH = join(__dirname, '../../public/data/kuairand_feedback.tsv');

export interface CorpusFile {
  file: string;
  /** Roles a person would choose, for the columns that say something (one of several where either is right). */
  roles: Record<string, ColumnRole | ColumnRole[]>;
  /** Exactly the columns offered as actions. */
  actions: string[];
  /** The targets ticked on load. */
  targets: string[];
  /** When the file has no action: the first labels offered to build. */
  suggestions?: string[];
  /** The user and item columns taken on load. */
  user?: string | null;
  item?: string | null;
}

const ID: ColumnRole[] = ['id', 'user-id', 'item-id'];
const FEATURE: ColumnRole[] = ['categorical', 'numeric', 'id'];

export const CORPUS: CorpusFile[] = [
  {
    file: 'kuairand_feedback.tsv',
    roles: { user_id: 'user-id', video_id: 'item-id', date: 'timestamp', time_ms: 'timestamp', play_time_ms: 'engagement', comment_stay_time: 'engagement', duration_ms: 'numeric', timestamp: 'timestamp' },
    actions: ['is_click', 'is_follow', 'is_comment', 'is_forward', 'long_view', 'is_profile_enter', 'label'],
    targets: ['is_click', 'is_follow'],
    user: 'user_id',
    item: 'video_id',
  },
  {
    file: 'deepctr_avazu_sample.txt',
    roles: { id: 'row-id', hour: 'constant', banner_pos: 'categorical', device_ip: 'id', C14: 'categorical' },
    actions: ['click'],
    targets: ['click'],
  },
  {
    file: 'deepctr_census-income.sample',
    roles: { col_1: 'row-id', col_2: 'numeric', col_3: 'categorical', col_8: 'categorical', col_9: 'categorical', col_10: 'categorical', col_14: 'categorical', col_26: 'numeric', col_43: 'categorical' },
    actions: [],
    targets: [],
    suggestions: ['col_43_is_50000_.', 'col_43_is_-_50000.', 'col_14_is_Female', 'col_14_is_Male'],
  },
  {
    file: 'deepctr_criteo_sample.txt',
    roles: { label: 'action', I2: 'numeric', C3: 'id', C9: 'categorical' },
    actions: ['label'],
    targets: ['label'],
  },
  {
    file: 'deepctr_movielens_sample.txt',
    roles: { user_id: 'user-id', movie_id: 'item-id', rating: 'engagement', timestamp: 'timestamp', genres: 'id-list', gender: 'categorical', title: 'id' },
    actions: [],
    targets: [],
    suggestions: ['rating_ge_4', 'rating_eq_5', 'gender_is_F', 'gender_is_M'],
    user: 'user_id',
    item: 'movie_id',
  },
  {
    file: 'deepctrtorch_byterec_sample.txt',
    roles: { col_1: ID, col_3: ID, col_4: ID, col_7: 'action', col_8: 'action', col_11: 'numeric' },
    actions: ['col_7', 'col_8'],
    targets: ['col_7', 'col_8'],
  },
  {
    file: 'rechub_ali_ccp_train_sample.csv',
    roles: { '101': 'constant', '205': FEATURE, D508: 'numeric' },
    actions: ['click', 'purchase'],
    targets: ['click'],
  },
  {
    file: 'rechub_aliexpress_train_sample.csv',
    roles: { categorical_4: 'categorical', categorical_16: 'categorical', numerical_1: 'numeric', search_id: 'categorical' },
    actions: ['click', 'conversion'],
    // 2 conversions in 100 rows: offered, never ticked for the person.
    targets: ['click'],
  },
  {
    file: 'rechub_aliexpress_test_sample.csv',
    roles: { categorical_4: 'categorical', numerical_1: 'categorical', numerical_45: 'categorical' },
    actions: ['click', 'conversion'],
    // 2 conversions in 20 rows: offered, never ticked for the person.
    targets: ['click'],
  },
  {
    file: 'swr_kuairand1k_click_sample.csv',
    roles: { user_id: 'user-id', video_id: 'item-id', play_time_ms: 'engagement', is_video_author: 'categorical', onehot_feat0: 'categorical' },
    actions: ['is_click'],
    targets: ['is_click'],
    user: 'user_id',
    item: 'video_id',
  },
  {
    file: 'swr_mind_click_sample.csv',
    roles: { User_ID: 'user-id', News_ID: 'item-id', Category: 'categorical', SubCategory: 'id' },
    actions: ['label'],
    targets: ['label'],
  },
  {
    file: 'ml100k_sample.inter',
    roles: { 'user_id:token': 'user-id', 'item_id:token': 'item-id', 'rating:float': 'engagement', 'timestamp:float': 'timestamp' },
    actions: [],
    targets: [],
    suggestions: ['rating_ge_4', 'rating_eq_5'],
    user: 'user_id:token',
    item: 'item_id:token',
  },
  {
    file: 'ml100k.item',
    roles: { 'item_id:token': 'item-id', 'movie_title:token_seq': 'id-list', 'class:token_seq': 'id-list' },
    actions: [],
    targets: [],
  },
  {
    file: 'ml100k_u_data_sample.tsv',
    roles: { col_1: 'user-id', col_2: 'item-id', col_3: 'engagement', col_4: 'timestamp' },
    actions: [],
    targets: [],
    suggestions: ['col_3_ge_4', 'col_3_eq_5'],
    user: 'col_1',
    item: 'col_2',
  },
  {
    file: 'obd_random_men_sample.csv',
    roles: { col_1: 'row-id', timestamp: 'timestamp', item_id: 'item-id', position: 'categorical', propensity_score: 'propensity', 'user-item_affinity_1': 'categorical', user_feature_0: 'categorical' },
    actions: ['click'],
    targets: [],
  },
];

/** A target trained on a corpus file, its AUC checked against scikit-learn's logistic regression on the same encoded rows. */
export interface TrainingCase {
  name: string;
  file: string;
  /** Built from a suggestion first (the file has no 0/1 action). */
  derived?: DerivedAction;
  target: string;
  /** Columns the leak guard must leave out. */
  leftOut: string[];
}

export const TRAINING_CASES: TrainingCase[] = [
  { name: 'kuairand-click', file: 'kuairand_feedback.tsv', target: 'is_click', leftOut: [] },
  { name: 'mind-click', file: 'swr_mind_click_sample.csv', target: 'label', leftOut: [] },
  { name: 'ml100k-like', file: 'ml100k_sample.inter', derived: { kind: 'compare', name: 'rating_ge_4', column: 'rating:float', op: '>=', value: 4 }, target: 'rating_ge_4', leftOut: [] },
  { name: 'udata-like', file: 'ml100k_u_data_sample.tsv', derived: { kind: 'compare', name: 'col_3_ge_4', column: 'col_3', op: '>=', value: 4 }, target: 'col_3_ge_4', leftOut: [] },
  { name: 'criteo-click', file: 'deepctr_criteo_sample.txt', target: 'label', leftOut: [] },
];

/**
 * Logistic regression trained to convergence on these files (the defaults' three epochs are the
 * Model cell's business, not this test's): Adam with cosine decay, a light L2 that sklearn's C
 * mirrors (C = 1 / (2 · l2 · training rows)). Encoders do not depend on the epochs.
 */
/** The default logistic regression (the exact solver) with the penalty the golden script fits with. */
export const CASE_CONFIG: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, modelKind: 'logistic-regression', solver: 'lbfgs', backend: 'cpu', l2: 1e-4 };

export function corpusPath(file: string): string {
  return file === 'kuairand_feedback.tsv' ? SAMPLE_PATH : join(CORPUS_DIR, file);
}

/** Load a corpus file the way the app does: bytes → table (the reading worker's path) → roles and defaults (the store). */
export async function loadCorpusFile(file: string): Promise<boolean> {
  useAppStore.setState({ table: null, baseTable: null, profiles: [], dataError: null, run: null, cells: INITIAL_STATUSES });
  const table = await readTable(new Blob([new Uint8Array(readFileSync(corpusPath(file)))]), file);
  return useAppStore.getState().acceptTable(table);
}

/** Load a training case's file and set its target up as a person would: build the label, tick only it. */
export async function setUpCase(c: TrainingCase): Promise<void> {
  await loadCorpusFile(c.file);
  const s = useAppStore.getState();
  if (c.derived) {
    const problem = s.addDerived(c.derived);
    if (problem) throw new Error(`${c.name}: ${problem}`);
  }
  for (const t of useAppStore.getState().targets) if (t !== c.target) useAppStore.getState().toggleTarget(t, false);
  if (!useAppStore.getState().targets.includes(c.target)) useAppStore.getState().toggleTarget(c.target, true);
}
