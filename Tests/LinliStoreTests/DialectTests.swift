import Testing

@testable import LinliStore

/// SQLite's SQL as PostgreSQL gets it: the rewrites `Dialect` makes, and what it leaves alone.
@Suite struct DialectTests {
    @Test(arguments: [
        ("SELECT a FROM t WHERE x = ? AND y = ?", "SELECT a FROM t WHERE x = $1 AND y = $2"),
        ("VALUES (?1, (SELECT max(seq) FROM h WHERE w = ?1), ?2)", "VALUES ($1, (SELECT max(seq) FROM h WHERE w = $1), $2)"),
        ("SELECT user FROM residents WHERE user = 'user?'", "SELECT \"user\" FROM residents WHERE \"user\" = 'user?'"),
        ("SELECT 'it''s ?', ? FROM t", "SELECT 'it''s ?', $1 FROM t"),
        ("SET \"by\" = excluded.\"by\", n = ?", "SET \"by\" = excluded.\"by\", n = $1"),
        ("WHERE +building IN (?, ?) AND x = 1", "WHERE building IN ($1, $2) AND x = 1"),
        ("SET attempts = attempts + ?", "SET attempts = attempts + $1"),
        ("UPDATE t SET n = n +1", "UPDATE t SET n = n +1"),
        ("WHERE instr(?, ',' || kind || ',') > 0", "WHERE strpos($1, ',' || kind || ',') > 0"),
        ("SELECT instr, users FROM t", "SELECT instr, users FROM t"),
        ("WHERE name = '报修 ?' AND text = ?", "WHERE name = '报修 ?' AND text = $1"),
    ])
    func rewrites(_ sqlite: String, _ postgres: String) {
        #expect(Dialect.postgres(sqlite) == postgres)
    }
}
