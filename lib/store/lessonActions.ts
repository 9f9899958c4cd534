import type { LessonId } from '../notebook/lessons';
import { keepPresets } from '../sampling/presets';
import { PRESETS, mapPreset, weightsFromMapping } from '../value/presets';
import type { AppState } from './index';

/** The target (or action column) with the lowest positive rate: the heaviest, rarest signal. */
function rarestAction(state: AppState, among: string[]): string | null {
  const rates = state.profiles.filter((p) => among.includes(p.name)).map((p) => ({ name: p.name, rate: p.positiveRate ?? 1 }));
  rates.sort((a, b) => a.rate - b.rate);
  return rates[0]?.name ?? null;
}

/** The actions of the finished run, when there is one (the value cell works on its heads). */
function trainedActions(state: AppState): string[] | null {
  return state.run?.predictions?.tasks ?? null;
}

/**
 * Set the controls a lesson's "try it" describes; returns what was set and what to do next, or why it
 * cannot apply yet. Only existing store actions are used, so every change shows in its cell and is undoable there.
 */
export function tryLesson(id: LessonId, get: () => AppState): string {
  const state = get();
  const actions = state.profiles.filter((p) => p.role === 'action').map((p) => p.name);
  switch (id) {
    case 'labels-from-actions': {
      if (actions.length === 0) return 'This dataset has no action columns; mark one as an action in the Data cell first.';
      for (const a of actions) if (!get().targets.includes(a)) get().toggleTarget(a, true);
      return `Every action is now a label (${actions.join(', ')}). Train to get one head per action.`;
    }
    case 'heavy-light': {
      const rarest = rarestAction(state, actions);
      if (!rarest) return 'This dataset has no action columns to choose from.';
      if (!get().targets.includes(rarest)) get().toggleTarget(rarest, true);
      for (const t of get().targets) if (t !== rarest) get().toggleTarget(t, false);
      return `Only ${rarest}, the rarest action, is a label now. Train and watch its validation AUC in the Train cell.`;
    }
    case 'learning-to-rank': {
      const action = state.targets[0];
      if (!action) return 'Choose at least one target first.';
      get().setFormulation({ kind: 'ranking', action, loss: 'listwise', window: null });
      return `${action} is now learned with a listwise softmax over each user's impressions. Train, then compare GAUC in the Evaluate cell.`;
    }
    case 'downsample-recalibrate': {
      if (state.targets.length === 0) return 'Choose at least one target first.';
      for (const t of state.targets) get().setKeepRate(t, 0.05);
      get().setSkipRecalibration(true);
      return 'Keep rate 0.05 on every label, recalibration off. Train, then read the calibration ratio in the Evaluate cell.';
    }
    case 'which-algorithm':
      get().setConfig({ modelKind: 'gbdt' });
      return 'The model is now gradient-boosted trees. Train and compare AUC with the earlier runs in the runs table.';
    case 'calibration-repair':
      get().setPosthoc('isotonic');
      return state.run?.predictions ? 'Isotonic repair is on: the before-and-after table is under the heads.' : 'Isotonic repair is on. Train a model, then read the before-and-after table under the heads.';
    case 'head-warnings': {
      const rarest = rarestAction(state, state.targets);
      if (!rarest) return 'Choose at least one target first.';
      const rate = state.profiles.find((p) => p.name === rarest)?.positiveRate ?? 0;
      const balance = keepPresets(rate).find((p) => p.name === 'balance 1:1')!;
      get().setConfig({ modelKind: 'mmoe' });
      get().setKeepRate(rarest, balance.rate);
      return `The model is now MMoE and ${rarest} keeps ${(balance.rate * 100).toPrecision(2)}% of its negatives. Train, then read the warnings under its head in the Evaluate cell.`;
    }
    case 'value-modeling': {
      const tasks = trainedActions(state);
      if (!tasks) return 'Train a model first: the value model blends the heads of a finished run.';
      const guide = PRESETS.find((p) => p.id === 'guide-example')!;
      get().setWeights(weightsFromMapping(mapPreset(guide, tasks), tasks));
      return 'The guide\'s weights are applied to the matching actions; read the top-K rates in the outcome table.';
    }
    case 'never-act': {
      const tasks = trainedActions(state);
      if (!tasks) return 'Train a model first: normalisation works on the heads of a finished run.';
      const rarest = rarestAction(state, tasks) ?? tasks[0];
      get().setNormalised(rarest, true);
      return `${rarest} is normalised per user. The normalisation panel shows how many users never took it and which slates changed.`;
    }
  }
}
