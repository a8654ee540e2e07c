/**
 * Surges of hateful posts (issue 7): a daily signal points at the speech items behind it, as a
 * weekly signal points at its events (`event_ids` stays empty for these).
 */
export const sql = `
ALTER TABLE signals ADD COLUMN speech_item_ids bigint[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN signals.speech_item_ids IS 'for hateful-posts signals: the hateful items counted that day (at most 1,000)';
`;
