import type { ModelShape } from '../models/types';
import type { TrainConfig } from './config';
import type { PreparedData } from './prepare';

/** The builder's view of prepared data and settings. */
export function modelShapeOf(data: PreparedData, config: TrainConfig): ModelShape {
  return {
    denseDim: data.train.denseDim,
    idDim: data.train.idDim,
    bagDim: data.train.bagDim,
    vocabularySize: Math.max(1, data.encoders.vocabularySize),
    crossDim: data.train.crossDim,
    crossVocabularySize: data.encoders.crossVocabularySize,
    historyDim: data.train.historyDim,
    tasks: data.tasks,
    l2: config.l2,
    initialBias: sampledLogOdds(data),
    bagLengths: data.encoders.bags.map((b) => b.maxLength),
    itemSlot: data.model.itemSlot,
    userSlot: data.model.userSlot,
    towerSplit: data.model.towerSplit,
    graph: data.model.graph,
    hiddenLayers: config.hiddenLayers,
    embeddingDim: config.embeddingDim,
    sharing: config.sharing,
    experts: config.experts,
    historyPooling: config.historyPooling,
    graphLayers: config.graphLayers,
    graphScoring: config.graphScoring,
    seed: config.seed,
  };
}

/** Log-odds of each head's positive share among the rows it trains on. */
export function sampledLogOdds(data: Pick<PreparedData, 'tasks' | 'train' | 'trainMasks' | 'trainLabels'>): number[] {
  const T = data.tasks.length;
  return data.tasks.map((_, t) => {
    let pos = 0;
    let seen = 0;
    for (let i = 0; i < data.train.rows; i++) {
      seen += data.trainMasks[i * T + t];
      pos += data.trainMasks[i * T + t] * data.trainLabels[i * T + t];
    }
    const r = Math.min(1 - 1e-4, Math.max(1e-4, seen ? pos / seen : 0.5));
    return Math.log(r / (1 - r));
  });
}
