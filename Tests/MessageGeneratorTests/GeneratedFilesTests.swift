import Foundation
@testable import MessageGenerator
import Testing

/// The committed `Messages/Generated/*.swift` must be exactly what the schemas generate today.
@Suite struct GeneratedFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schemas = root.appendingPathComponent("Sources/AdminCore/Messages/Schemas")
    static let generated = root.appendingPathComponent("Sources/AdminCore/Messages/Generated")

    static var schemaNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: schemas.path)) ?? [])
            .filter { $0.hasSuffix(".schema") }.sorted()
    }

    @Test func thereAreSchemas() {
        #expect(Self.schemaNames.count >= 7)
    }

    @Test("generated file is up to date", arguments: schemaNames)
    func generatedFileIsUpToDate(schema name: String) throws {
        let text = try String(contentsOf: Self.schemas.appendingPathComponent(name), encoding: .utf8)
        let expected = try MessageGenerator().generate(schemaText: text, sourceName: name)
        let committed = try String(
            contentsOf: Self.generated.appendingPathComponent(MessageGenerator.outputName(forSchema: name)), encoding: .utf8)
        #expect(committed == expected, "Generated/\(MessageGenerator.outputName(forSchema: name)) is stale: run `swift run generate-messages`")
    }

    @Test func everyGeneratedFileHasASchema() throws {
        let generatedNames = try FileManager.default.contentsOfDirectory(atPath: Self.generated.path).filter { $0.hasSuffix(".swift") }
        let expected = Set(Self.schemaNames.map(MessageGenerator.outputName(forSchema:)))
        #expect(Set(generatedNames) == expected)
    }
}
