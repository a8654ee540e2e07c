/**
 * An incident's anchor is its member by definition, so its membership row said nothing: writing
 * one per event was a million rows and 7-8 s of a first million-event import on PGlite
 * (docs/benchmarks.md). Rows are now kept only for events counted under another event's incident.
 */
export const sql = `
DELETE FROM event_cluster_members WHERE event_id = anchor_id;
COMMENT ON TABLE event_cluster_members IS 'events counted under an incident anchored by another event (an anchor is a member of its own incident without a row)';
`;
