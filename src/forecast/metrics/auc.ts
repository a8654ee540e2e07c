import { TocsinError } from '../../core/errors.js';
import { auroc } from '../../core/roc-auc.js';

/**
 * Area under the ROC curve of `scores` against 0/1 `labels` (`auroc`: Mann-Whitney with average
 * ranks for ties, the number `pROC::roc` reports); NaN when there is no 1 or no 0.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (labels.length !== scores.length)
    throw new TocsinError('invalid_input', `${scores.length} scores but ${labels.length} labels`);
  const positive = new Array<boolean>(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label !== 0 && label !== 1) throw new TocsinError('invalid_input', `label ${label} is not 0 or 1`);
    positive[i] = label === 1;
  }
  return auroc(scores, positive) ?? Number.NaN;
}
