import LinliCore
import LinliTesting
import Testing

@testable import LinliBot

/// English replies named buildings in Chinese (`captain of 3栋`, `fudi-b4 (4栋)`); the
/// community file gives them English names.
@Suite struct EnglishPlaceNamesTests {
    @Test func rolesAndGroupsAreNamedInTheReadersLanguage() throws {
        let directory = Directory(try Fixtures.load().0)
        let title = RolesFamily.title(.captain, "b3", directory)
        #expect(title.zh == "3栋楼栋长" && title.en.hasSuffix("of Building 3"), "\(title)")
        #expect(directory.label(ofGroup: "fudi-b3", .en) == "Building 3" && directory.label(ofGroup: "fudi-b3") == "3栋")
    }
}
