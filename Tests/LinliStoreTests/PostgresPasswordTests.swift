import LinliPostgres
import Testing

/// A URL libpq cannot read: its message quotes the part it stumbled on, which may be
/// the password; what we pass on never holds it (nor a piece of it).
@Suite struct PostgresPasswordTests {
    @Test(arguments: [
        ("postgres://linli:S3cretPw@[::1:1/linli", "S3cretPw"),
        ("postgres://linli:Pa55w%zzord@127.0.0.1:1/linli", "Pa55w%zzord"),
        ("postgres://linli@127.0.0.1:1/linli?password=Oth%zz5ecret", "Oth%zz5ecret"),
    ])
    func libpqMessagesDoNotCarryThePassword(url: String, password: String) throws {
        let error = #expect(throws: PostgresError.self) { try PostgresConnection(url: url) }
        let message = try #require(error?.message)
        #expect(!message.isEmpty && !message.contains(password), "\(message)")
        #expect(message.contains("***"), "libpq quoted the password, and it is hidden: \(message)")
    }
}
