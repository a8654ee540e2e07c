/** Cross-source corroboration: one incident reported by UCDP, ACLED and GDELT counts once. See docs/corroboration.md. */
export { CATEGORY_SEVERITY, clusterEvents, type ClusterAssignment, type CorroboratedCluster } from './cluster-events.js';
export { haversineKm, type CorroborationEvent } from './corroboration-match.js';
export {
  corroborationRuleSchema,
  DEFAULT_COMPATIBLE_CATEGORIES,
  DEFAULT_CORROBORATION_RULE,
  parseCorroborationRule,
  type CorroborationRule,
} from './corroboration-rule.js';
export { syntheticReports, type SyntheticReportsOptions } from './synthetic-reports.js';
