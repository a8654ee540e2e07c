import { aucBootstrapInterval } from '../../core/auc-interval.js';
import { auroc } from '../../core/roc-auc.js';

/**
 * The unintended-bias metrics of Borkan et al. 2019 as the HateXplain paper (Mathew et al. 2021,
 * section 5.2) reports them (pure). Each post has a toxic score (the classifier's probability of
 * hatespeech + offensive), whether it is truly toxic (label hatespeech or offensive), and its target
 * groups (HateXplain: named by at least 2 of 3 annotators). For a group g:
 * - Subgroup AUC: AUROC over the posts that target g;
 * - BPSN AUC (background positive, subgroup negative): non-toxic posts that target g with toxic posts
 *   that do not;
 * - BNSP AUC (background negative, subgroup positive): toxic posts that target g with non-toxic posts
 *   that do not.
 * The per-group AUCs are summarised by the generalised mean of power -5, which weighs the worst
 * groups most. A group whose AUC is undefined (no toxic or no non-toxic post in its set) is null and
 * left out of the mean. Each subgroup AUC comes with its toxic and non-toxic counts and a 95%
 * stratified bootstrap interval (`aucBootstrapInterval`, 2,000 resamples, a fixed seed):
 * a group with a handful of non-toxic posts has an AUC that one post moves by a tenth.
 */
export interface BiasItem {
  score: number;
  toxic: boolean;
  groups: readonly string[];
}

export interface GroupBias {
  /** Posts that target the group. */
  n: number;
  /** Of those, how many are truly toxic and how many not. */
  toxic: number;
  non_toxic: number;
  subgroup_auc: number | null;
  /** 95% bootstrap interval of `subgroup_auc` [low, high]; null when it is undefined. */
  subgroup_auc_ci95: [number, number] | null;
  bpsn_auc: number | null;
  bnsp_auc: number | null;
}

export interface BiasReport {
  per_group: Record<string, GroupBias>;
  gmb_subgroup: number | null;
  gmb_bpsn: number | null;
  gmb_bnsp: number | null;
}

/** The paper's power for the generalised mean of bias AUCs. */
export const GMB_POWER = -5;

/** (mean of x^p)^(1/p) over the defined values; null when there is none. 0 if a value is 0 (p < 0). */
export function generalisedMean(values: readonly (number | null)[], power: number = GMB_POWER): number | null {
  const xs = values.filter((v): v is number => v !== null);
  if (xs.length === 0) return null;
  if (power < 0 && xs.some((x) => x === 0)) return 0;
  return (xs.reduce((a, x) => a + x ** power, 0) / xs.length) ** (1 / power);
}

function aucOver(items: readonly BiasItem[], keep: (item: BiasItem) => boolean): number | null {
  const chosen = items.filter(keep);
  return auroc(
    chosen.map((i) => i.score),
    chosen.map((i) => i.toxic),
  );
}

export function groupBias(items: readonly BiasItem[], group: string): GroupBias {
  const inGroup = (i: BiasItem): boolean => i.groups.includes(group);
  const members = items.filter(inGroup);
  const toxic = members.filter((i) => i.toxic).length;
  const interval = aucBootstrapInterval(
    members.map((i) => i.score),
    members.map((i) => i.toxic),
  );
  return {
    n: members.length,
    toxic,
    non_toxic: members.length - toxic,
    subgroup_auc: aucOver(items, inGroup),
    subgroup_auc_ci95: interval ? [interval.low, interval.high] : null,
    bpsn_auc: aucOver(items, (i) => (inGroup(i) ? !i.toxic : i.toxic)),
    bnsp_auc: aucOver(items, (i) => (inGroup(i) ? i.toxic : !i.toxic)),
  };
}

export function biasReport(items: readonly BiasItem[], groups: readonly string[]): BiasReport {
  const perGroup: Record<string, GroupBias> = {};
  for (const g of groups) perGroup[g] = groupBias(items, g);
  const all = groups.map((g) => perGroup[g]!);
  return {
    per_group: perGroup,
    gmb_subgroup: generalisedMean(all.map((b) => b.subgroup_auc)),
    gmb_bpsn: generalisedMean(all.map((b) => b.bpsn_auc)),
    gmb_bnsp: generalisedMean(all.map((b) => b.bnsp_auc)),
  };
}
