import { denseCodes } from '../data/denseCodes';
import { binaryValues, getColumn, groupKeys, type Table } from '../data/table';

/** How an action is spread over rows and users (the modeling guide's "some users never act"). */
export interface ActionStats {
  action: string;
  positives: number;
  rate: number;
  /** Mean positives per user, and the share of users with none at all (null without a user column). */
  positivesPerUser: number | null;
  usersNeverActing: number | null;
}

/** Per-action volume and user spread in one pass per action. */
export function actionStats(table: Table, actions: string[], userColumn: string | null): ActionStats[] {
  const users = userColumn ? denseCodes(groupKeys(getColumn(table, userColumn))) : null;
  const userOf = users?.codes ?? null;
  const userCount = users?.count ?? 0;
  return actions.map((action) => {
    const y = binaryValues(getColumn(table, action));
    let positives = 0;
    for (let i = 0; i < y.length; i++) positives += y[i];
    let never: number | null = null;
    if (userOf) {
      const acted = new Uint8Array(userCount);
      for (let i = 0; i < y.length; i++) if (y[i]) acted[userOf[i]] = 1;
      let acting = 0;
      for (let u = 0; u < userCount; u++) acting += acted[u];
      never = 1 - acting / userCount;
    }
    return {
      action,
      positives,
      rate: table.rowCount ? positives / table.rowCount : 0,
      positivesPerUser: userOf ? positives / userCount : null,
      usersNeverActing: never,
    };
  });
}

/** P(B | A) for every pair: of the impressions with action A, the share that also have B. NaN when A never happens. */
export function cooccurrence(table: Table, actions: string[]): number[][] {
  const ys = actions.map((a) => binaryValues(getColumn(table, a)));
  return ys.map((a) => {
    let countA = 0;
    for (let i = 0; i < a.length; i++) countA += a[i];
    return ys.map((b) => {
      let both = 0;
      for (let i = 0; i < a.length; i++) both += a[i] & b[i];
      return countA ? both / countA : NaN;
    });
  });
}
