import Foundation
import Testing

/// The shipped binary links no Foundation: its initialisation and relocations cost every command about 1 ms of
/// start-up (a third of the 3 ms budget, BENCHMARKS.md) and its ICU data doubles the package. One `import Foundation`
/// in the binary's modules brings all of it in (it did once: the .deb went from 8 to 20 MiB), so this test reads them.
@Suite struct FoundationFreeTests {
    @Test func noModuleOfTheBinaryImportsFoundation() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        var offenders: [String] = []
        var files = 0
        for module in ["AdminCore", "kafkactl"] {
            let root = sources.appendingPathComponent(module)
            let paths = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
            for path in paths {
                files += 1
                let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
                if text.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "import Foundation" }) {
                    offenders.append("\(module)/\(path)")
                }
            }
        }
        #expect(files > 100, "the sources were not found under \(sources.path)")
        #expect(offenders.isEmpty, "these import Foundation (use Glibc, NIOCore or the project's own helpers): \(offenders)")
    }
}
