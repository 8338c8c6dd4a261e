import GRDB

extension SQLiteStore {
    /// The schema, as append-only migrations: never edit a shipped one, add the next.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    -- A translation-memory pair. The keys are Normalizer.key of each side; the pair of keys
                    -- is unique, so the same pair is stored once.
                    CREATE TABLE segment (
                        id INTEGER PRIMARY KEY,
                        ko TEXT NOT NULL,
                        en TEXT NOT NULL,
                        ko_key TEXT NOT NULL,
                        en_key TEXT NOT NULL,
                        origin TEXT NOT NULL DEFAULT '',
                        created_at DOUBLE NOT NULL,
                        updated_at DOUBLE NOT NULL,
                        UNIQUE (ko_key, en_key)
                    );
                    -- Concordance: trigrams of the keys; queries under three characters fall back to instr().
                    CREATE VIRTUAL TABLE segment_fts USING fts5(
                        ko_key, en_key, content = 'segment', content_rowid = 'id', tokenize = 'trigram'
                    );
                    CREATE TRIGGER segment_ai AFTER INSERT ON segment BEGIN
                        INSERT INTO segment_fts(rowid, ko_key, en_key) VALUES (new.id, new.ko_key, new.en_key);
                    END;
                    CREATE TRIGGER segment_ad AFTER DELETE ON segment BEGIN
                        INSERT INTO segment_fts(segment_fts, rowid, ko_key, en_key) VALUES ('delete', old.id, old.ko_key, old.en_key);
                    END;
                    CREATE TRIGGER segment_au AFTER UPDATE OF ko_key, en_key ON segment BEGIN
                        INSERT INTO segment_fts(segment_fts, rowid, ko_key, en_key) VALUES ('delete', old.id, old.ko_key, old.en_key);
                        INSERT INTO segment_fts(rowid, ko_key, en_key) VALUES (new.id, new.ko_key, new.en_key);
                    END;
                    CREATE TABLE term (
                        id INTEGER PRIMARY KEY,
                        hangul TEXT NOT NULL,
                        english TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organization', 'term')),
                        note TEXT NOT NULL DEFAULT '',
                        source TEXT NOT NULL DEFAULT '',
                        UNIQUE (hangul, english)
                    );
                    -- Every spelling a term is known by: its Hangul, its house form, listed variants.
                    -- `key` is Normalizer.key, `loose_key` Normalizer.looseKey; `system` says where the form came from.
                    CREATE TABLE variant (
                        term_id INTEGER NOT NULL REFERENCES term(id) ON DELETE CASCADE,
                        form TEXT NOT NULL,
                        key TEXT NOT NULL,
                        loose_key TEXT NOT NULL,
                        system TEXT NOT NULL,
                        PRIMARY KEY (term_id, form)
                    );
                    CREATE INDEX variant_key ON variant(key);
                    CREATE INDEX variant_loose_key ON variant(loose_key);
                    """
            )
        }
        // Concordance moved to the in-memory q-gram index: the trigram table cost an import ten times its
        // speed (4,400 pairs/s instead of ~40,000 at a million pairs) and doubled the file.
        migrator.registerMigration("v2-drop-fts") { db in
            try db.execute(
                sql: """
                    DROP TRIGGER segment_ai;
                    DROP TRIGGER segment_ad;
                    DROP TRIGGER segment_au;
                    DROP TABLE segment_fts;
                    """)
        }
        // The change log: every write to a pair or a term, by any process, leaves a row here in the same
        // transaction (triggers, so no writer can forget). Each process's in-memory indexes follow it; see
        // `SQLiteStore+ChangeLog.swift`.
        migrator.registerMigration("v3-change-log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE change_log (
                        seq INTEGER PRIMARY KEY,
                        item TEXT NOT NULL CHECK (item IN ('segment', 'term')),
                        item_id INTEGER NOT NULL
                    );
                    """)
            // One trigger per table and event: a variant's change is its term's.
            let logged = [("segment", "segment", "id"), ("term", "term", "id"), ("variant", "term", "term_id")]
            for (table, item, idColumn) in logged {
                try createChangeLogTriggers(on: table, item: item, idColumn: idColumn, in: db)
            }
        }
        // A term's country (ISO 3166-1 alpha-2, empty when not said): homonyms and generic bodies are told
        // apart by the countries a sentence names.
        migrator.registerMigration("v4-term-country") { db in
            try db.execute(sql: "ALTER TABLE term ADD COLUMN country TEXT NOT NULL DEFAULT ''")
        }
        // A pair's identity is its text (NFC, trimmed), not its match keys: "Resolving issues" and "Resolving Issues"
        // are two pairs. SQLite cannot drop a table constraint, so the table is rebuilt (old rows are unique by text
        // already, since they were by keys) and its change-log triggers made again.
        migrator.registerMigration("v5-pair-identity-by-text") { db in
            try db.execute(
                sql: """
                    CREATE TABLE segment_new (
                        id INTEGER PRIMARY KEY,
                        ko TEXT NOT NULL,
                        en TEXT NOT NULL,
                        ko_key TEXT NOT NULL,
                        en_key TEXT NOT NULL,
                        origin TEXT NOT NULL DEFAULT '',
                        created_at DOUBLE NOT NULL,
                        updated_at DOUBLE NOT NULL,
                        UNIQUE (ko, en)
                    );
                    INSERT INTO segment_new SELECT id, ko, en, ko_key, en_key, origin, created_at, updated_at FROM segment;
                    DROP TABLE segment;
                    ALTER TABLE segment_new RENAME TO segment;
                    """)
            try createChangeLogTriggers(on: "segment", item: "segment", idColumn: "id", in: db)
        }
        // A pair's identity is checked through a 64-bit hash of its text (`PairHash`) instead of a unique index on
        // the text itself, which was as large as the table and cost an import most of its time. The texts are still
        // compared before a pair counts as stored; the table is rebuilt as in v5.
        migrator.registerMigration("v6-pair-hash") { db in
            db.add(
                function: DatabaseFunction("tm_pair_hash", argumentCount: 2, pure: true) { values in
                    PairHash.of(ko: String.fromDatabaseValue(values[0]) ?? "", en: String.fromDatabaseValue(values[1]) ?? "")
                })
            try db.execute(
                sql: """
                    CREATE TABLE segment_new (
                        id INTEGER PRIMARY KEY,
                        ko TEXT NOT NULL,
                        en TEXT NOT NULL,
                        ko_key TEXT NOT NULL,
                        en_key TEXT NOT NULL,
                        origin TEXT NOT NULL DEFAULT '',
                        created_at DOUBLE NOT NULL,
                        updated_at DOUBLE NOT NULL,
                        pair_hash INTEGER NOT NULL
                    );
                    INSERT INTO segment_new SELECT id, ko, en, ko_key, en_key, origin, created_at, updated_at, tm_pair_hash(ko, en) FROM segment;
                    DROP TABLE segment;
                    ALTER TABLE segment_new RENAME TO segment;
                    CREATE INDEX segment_pair_hash ON segment(pair_hash);
                    """)
            try createChangeLogTriggers(on: "segment", item: "segment", idColumn: "id", in: db)
        }
        return migrator
    }

    /// The triggers that log every insert, update and delete of `table` as a change of `item`.
    static func createChangeLogTriggers(on table: String, item: String, idColumn: String, in db: Database) throws {
        for (event, row) in [("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old")] {
            try db.execute(
                sql: """
                    CREATE TRIGGER IF NOT EXISTS \(table)_logged_\(event.lowercased()) AFTER \(event) ON \(table) BEGIN
                        INSERT INTO change_log(item, item_id) VALUES ('\(item)', \(row).\(idColumn));
                    END;
                    """)
        }
    }
}
