import AdminCore

/// features upgrade/downgrade/disable's output: kafka-features.sh's line per feature (sorted by name, as Apache's
/// TreeMap), "metadata.version was upgraded to 20." or, on a dry run, "... can be upgraded to 20."; a failure is
/// "Could not upgrade F to L. <reason>" ("Can not" on a dry run). JSON: `{"operation","dry_run","features":[{"name",
/// "level","result" (done or failed),"error"}]}`.
struct FeatureUpdateRenderer {
    /// upgrade, downgrade or disable: the verb Apache's lines use.
    var operation: String
    var dryRun: Bool

    func lines(_ updates: [String: FeatureUpdate], _ outcomes: [String: KafkactlError?]) -> [String] {
        outcomes.keys.sorted().map { name in
            let level = updates[name]?.maxVersionLevel ?? 0
            if case .some(.some(let error)) = outcomes[name] {
                let target = operation == "disable" ? "disable \(name)" : "\(operation) \(name) to \(level)"
                return "\(dryRun ? "Can not " : "Could not ")\(target). \(error.message)"
            }
            let done = operation == "disable" ? "disabled." : "\(operation)d to \(level)."
            return name + (dryRun ? " can be " : " was ") + done
        }
    }

    func json(_ updates: [String: FeatureUpdate], _ outcomes: [String: KafkactlError?]) -> JSON {
        .object([
            ("operation", .string(operation)), ("dry_run", .bool(dryRun)),
            ("features", .array(outcomes.keys.sorted().map { name in
                var fields: [(String, JSON)] = [("name", .string(name)), ("level", .int(updates[name]?.maxVersionLevel ?? 0))]
                if case .some(.some(let error)) = outcomes[name] {
                    fields += [("result", .string("failed")), ("error", .string(error.message))]
                } else {
                    fields.append(("result", .string("done")))
                }
                return .object(fields)
            })),
        ])
    }

    /// Apache's closing line when any feature failed ("1 out of 2 operation(s) failed.").
    static func failureSummary(failed: Int, of total: Int) -> String { "\(failed) out of \(total) operation(s) failed." }
}
