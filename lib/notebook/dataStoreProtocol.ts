/** Messages between the page (lib/notebook/dataStore.ts) and the dataset's storage worker. */
import type { ColumnProfile } from '../data/roles';
import type { Table } from '../data/table';
import type { TableMessage } from '../train/tableShipping';

export type DataStoreRequest =
  | TableMessage
  /** Save the table shipped as `tableId` as notebook `notebookId`'s dataset; `simulatedFull`: the browser tests' full disk. */
  | { type: 'save'; requestId: number; notebookId: string; tableId: number; simulatedFull: boolean }
  | { type: 'load'; requestId: number; notebookId: string };

export type DataStoreReply =
  | { type: 'saved'; requestId: number }
  /** `profiles`: the table's inferred column roles, computed in the worker (lib/data/roles.ts adoptInferredRoles). */
  | { type: 'loaded'; requestId: number; table: Table | null; profiles: ColumnProfile[] }
  /** `storageFull`: the write was refused for space (StorageFullError, whose message says what to do). */
  | { type: 'failed'; requestId: number; message: string; storageFull: boolean };
