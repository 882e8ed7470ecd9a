-- A story archive as schema version 1 wrote it (frozen: do not edit; add a new file for a new version).
-- Two days of china-japan (2026-01-10 = day 739625, 2026-01-11): the rare earth talks story ran on both.
CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL);
CREATE TABLE topics (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE runs (topic_id INTEGER NOT NULL REFERENCES topics (id), day INTEGER NOT NULL, sides TEXT NOT NULL, PRIMARY KEY (topic_id, day)) WITHOUT ROWID;
CREATE TABLE stories (id INTEGER PRIMARY KEY, topic_id INTEGER NOT NULL REFERENCES topics (id), key TEXT NOT NULL UNIQUE, first_day INTEGER NOT NULL);
CREATE INDEX stories_topic_first_day ON stories (topic_id, first_day);
CREATE TABLE appearances (id INTEGER PRIMARY KEY, story_id INTEGER NOT NULL REFERENCES stories (id), topic_id INTEGER NOT NULL, day INTEGER NOT NULL, daily_id TEXT NOT NULL, headline TEXT NOT NULL, terms TEXT NOT NULL, outlets TEXT NOT NULL, score REAL, UNIQUE (topic_id, day, daily_id));
CREATE INDEX appearances_story_day ON appearances (story_id, day);
CREATE TABLE coverage (appearance_id INTEGER NOT NULL REFERENCES appearances (id), side TEXT NOT NULL, articles INTEGER NOT NULL, first_published INTEGER NOT NULL, PRIMARY KEY (appearance_id, side)) WITHOUT ROWID;
CREATE TABLE postings (topic_id INTEGER NOT NULL, term TEXT NOT NULL, day INTEGER NOT NULL, appearance_id INTEGER NOT NULL, PRIMARY KEY (topic_id, term, day, appearance_id)) WITHOUT ROWID;
INSERT INTO schema_version (version, description) VALUES (1, 'topics, runs, stories, appearances, coverage and term postings');
INSERT INTO topics (id, name) VALUES (1, 'china-japan');
INSERT INTO runs (topic_id, day, sides) VALUES (1, 739625, 'china' || char(10) || 'japan'), (1, 739626, 'china' || char(10) || 'japan');
INSERT INTO stories (id, topic_id, key, first_day) VALUES (1, 1, 'china-japan/2026-01-10/a1', 739625), (2, 1, 'china-japan/2026-01-10/a2', 739625);
INSERT INTO appearances (id, story_id, topic_id, day, daily_id, headline, terms, outlets, score) VALUES
  (1, 1, 1, 739625, 'a1', 'Japan and China hold rare earth export talks in Tokyo', 'japan china hold rare earth export talk tokyo', 'Kyodo News', NULL),
  (2, 2, 1, 739625, 'a2', 'Typhoon hits Okinawa', 'typhoon hit okinawa', 'NHK', NULL),
  (3, 1, 1, 739626, 'b1', 'China and Japan rare earth export talks enter second day', 'china japan rare earth export talk enter second day', 'Global Times', 0.61);
INSERT INTO coverage (appearance_id, side, articles, first_published) VALUES
  (1, 'japan', 2, 1768014000000), (2, 'japan', 1, 1768014000000), (3, 'china', 3, 1768100400000);
INSERT INTO postings (topic_id, term, day, appearance_id)
  SELECT 1, value, 739625, 1 FROM json_each('["japan","china","hold","rare","earth","export","talk","tokyo"]')
  UNION ALL SELECT 1, value, 739625, 2 FROM json_each('["typhoon","hit","okinawa"]')
  UNION ALL SELECT 1, value, 739626, 3 FROM json_each('["china","japan","rare","earth","export","talk","enter","second","day"]');
