import Foundation
import MessageGenerator

// Regenerates Sources/AdminCore/Messages/Generated from Sources/AdminCore/Messages/Schemas.
// Usage: swift run generate-messages [--check] [REPO_ROOT]
// With --check it writes nothing and exits 1 if any generated file is stale.

var arguments = Array(CommandLine.arguments.dropFirst())
let checkOnly = arguments.contains("--check")
arguments.removeAll { $0 == "--check" }
let root = URL(fileURLWithPath: arguments.first ?? FileManager.default.currentDirectoryPath)
let schemas = root.appendingPathComponent("Sources/AdminCore/Messages/Schemas")
let generated = root.appendingPathComponent("Sources/AdminCore/Messages/Generated")

do {
    let names = try FileManager.default.contentsOfDirectory(atPath: schemas.path)
        .filter { $0.hasSuffix(".schema") }.sorted()
    var stale: [String] = []
    for name in names {
        let text = try String(contentsOf: schemas.appendingPathComponent(name), encoding: .utf8)
        let output = try MessageGenerator().generate(schemaText: text, sourceName: name)
        let target = generated.appendingPathComponent(MessageGenerator.outputName(forSchema: name))
        let current = try? String(contentsOf: target, encoding: .utf8)
        if current == output { continue }
        stale.append(target.lastPathComponent)
        if !checkOnly {
            try FileManager.default.createDirectory(at: generated, withIntermediateDirectories: true)
            try output.write(to: target, atomically: true, encoding: .utf8)
        }
    }
    let expected = Set(names.map(MessageGenerator.outputName(forSchema:)))
    let orphans = ((try? FileManager.default.contentsOfDirectory(atPath: generated.path)) ?? [])
        .filter { $0.hasSuffix(".swift") && !expected.contains($0) }
    for orphan in orphans {
        stale.append(orphan)
        if !checkOnly { try FileManager.default.removeItem(at: generated.appendingPathComponent(orphan)) }
    }
    if checkOnly && !stale.isEmpty {
        FileHandle.standardError.write("stale generated files: \(stale.joined(separator: ", ")); run `swift run generate-messages`\n".data(using: .utf8)!)
        exit(1)
    }
    print(checkOnly ? "generated files are up to date (\(names.count) schemas)" : "generated \(stale.count) of \(names.count) files")
} catch {
    FileHandle.standardError.write("generate-messages: \(error)\n".data(using: .utf8)!)
    exit(1)
}
