import PostgresNIO

extension PostgresStore {
    /// The schema, version by version: each step runs once, under the write lock, and records itself in `meta`.
    /// The tables match SQLite's at its latest migration (`SQLiteStore+Schema.swift`), so `tm copy` moves rows as
    /// they are.
    static let migrations: [(name: String, sql: [String])] = [
        (
            "v1",
            [
                """
                CREATE TABLE segment (
                    id BIGSERIAL PRIMARY KEY,
                    ko TEXT NOT NULL,
                    en TEXT NOT NULL,
                    ko_key TEXT NOT NULL,
                    en_key TEXT NOT NULL,
                    origin TEXT NOT NULL DEFAULT '',
                    created_at DOUBLE PRECISION NOT NULL,
                    updated_at DOUBLE PRECISION NOT NULL
                )
                """,
                // A pair is stored once by its text; a B-tree entry holds at most about 2,700 bytes, so the index
                // is on each side's MD5 (lookups compare the text too).
                "CREATE UNIQUE INDEX segment_text ON segment ((md5(ko)), (md5(en)))",
                "CREATE INDEX segment_recent ON segment (updated_at DESC, id DESC)",
                """
                CREATE TABLE term (
                    id BIGSERIAL PRIMARY KEY,
                    hangul TEXT NOT NULL,
                    english TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organization', 'term')),
                    note TEXT NOT NULL DEFAULT '',
                    source TEXT NOT NULL DEFAULT '',
                    country TEXT NOT NULL DEFAULT '',
                    UNIQUE (hangul, english)
                )
                """,
                """
                CREATE TABLE variant (
                    term_id BIGINT NOT NULL REFERENCES term(id) ON DELETE CASCADE,
                    form TEXT NOT NULL,
                    key TEXT NOT NULL,
                    loose_key TEXT NOT NULL,
                    system TEXT NOT NULL,
                    position BIGSERIAL,
                    PRIMARY KEY (term_id, form)
                )
                """,
                "CREATE INDEX variant_key ON variant(key)",
                "CREATE INDEX variant_loose_key ON variant(loose_key)",
                """
                CREATE TABLE change_log (
                    seq BIGSERIAL PRIMARY KEY,
                    item TEXT NOT NULL CHECK (item IN ('segment', 'term')),
                    item_id BIGINT NOT NULL
                )
                """,
                // One function for every logged table: the item is the trigger's argument, the id the row's `id`
                // (a variant's change is its term's). NOTIFY wakes the nodes that listen.
                """
                CREATE FUNCTION tm_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    changed BIGINT;
                BEGIN
                    IF TG_TABLE_NAME = 'variant' THEN
                        changed := COALESCE(NEW.term_id, OLD.term_id);
                    ELSE
                        changed := COALESCE(NEW.id, OLD.id);
                    END IF;
                    INSERT INTO change_log(item, item_id) VALUES (TG_ARGV[0], changed);
                    PERFORM pg_notify('tm_change', '');
                    RETURN NULL;
                END
                $$
                """,
                "CREATE TRIGGER segment_logged AFTER INSERT OR UPDATE OR DELETE ON segment FOR EACH ROW EXECUTE FUNCTION tm_log_change('segment')",
                "CREATE TRIGGER term_logged AFTER INSERT OR UPDATE OR DELETE ON term FOR EACH ROW EXECUTE FUNCTION tm_log_change('term')",
                "CREATE TRIGGER variant_logged AFTER INSERT OR UPDATE OR DELETE ON variant FOR EACH ROW EXECUTE FUNCTION tm_log_change('term')",
            ]
        )
    ]

    /// Creates `meta` and runs the migrations not yet recorded there.
    static func createSchema(in session: PostgresConnections.Session) throws {
        try session.run("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        for migration in migrations {
            let key = "migration " + migration.name
            guard try meta(key, in: session) == nil else { continue }
            for statement in migration.sql { try session.run(PostgresQuery(unsafeSQL: statement)) }
            try setMeta(key, "done", in: session)
        }
    }
}
