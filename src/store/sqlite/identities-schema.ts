/**
 * Stable ids of platforms whose own ids do not last (wechat4u hands out new ones at each login):
 * key (an adapter's lookup key, e.g. `room-topic:<hash>`) → the stable id it resolved to. Schema step 3.
 */
export const IDENTITIES_SCHEMA = `
CREATE TABLE identities (
  platform TEXT NOT NULL,
  key TEXT NOT NULL,
  stable_id TEXT NOT NULL,
  PRIMARY KEY (platform, key)
) WITHOUT ROWID;
`;
