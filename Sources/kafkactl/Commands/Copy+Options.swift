import AdminCore
import ArgumentParser

/// One side of a copy: `--from-bootstrap-server`, `--from-command-config`, `--from-context` (or the `--to-` ones),
/// resolved as every command's `--bootstrap-server`, `--command-config` and `--context` are (`ConnectionResolver`).
struct CopyEndpoint {
    var flagPrefix: String
    var bootstrapServer: String?
    var commandConfig: String?
    var context: String?

    var isGiven: Bool { bootstrapServer != nil || commandConfig != nil || context != nil }

    func clientConfiguration() throws -> ClientConfiguration {
        let properties = try commandConfig.map { try PropertiesFile.load(path: $0, flag: "--\(flagPrefix)-command-config") } ?? [:]
        let resolution = try ConnectionResolver.resolve(
            flagBootstrap: bootstrapServer, flagContext: context, explicitProperties: properties,
            environment: ConnectionResolver.processEnvironment, loadFile: ConnectionResolver.loadDefaultFile)
        guard let bootstrap = resolution.bootstrap else {
            throw KafkactlUsageError("--\(flagPrefix)-bootstrap-server must be specified (or bootstrap.servers in --\(flagPrefix)-command-config, or --\(flagPrefix)-context)")
        }
        return try ClientConfiguration(properties: resolution.properties, bootstrapOverride: bootstrap)
    }
}

/// copy's value grammars.
enum CopyArguments {
    /// `--rate`: `5000/s` (records) or `10MB/s`, `512KB/s`, `1GB/s`, `100B/s` (bytes; decimal units, as MB/s is
    /// printed everywhere in kafkactl). nil for anything else.
    static func rate(_ text: String) -> CopyRate? {
        guard text.hasSuffix("/s") else { return nil }
        var amount = String(text.dropLast(2)).uppercased()
        let units: [(String, Double)] = [("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("B", 1)]
        for (unit, scale) in units where amount.hasSuffix(unit) {
            amount.removeLast(unit.count)
            guard let number = Double(amount), number > 0, number.isFinite else { return nil }
            return .bytesPerSecond(number * scale)
        }
        guard let number = Double(amount), number > 0, number.isFinite else { return nil }
        return .recordsPerSecond(number)
    }

    /// `--from` / `--until`: a plain number is an offset (as console-consumer's `--offset` and `--until` read one);
    /// anything else is a time in kafkactl's grammar, read now.
    static func bound(_ text: String) -> CopyBound? {
        if let offset = Int64(text) { return offset >= 0 ? .offset(offset) : TimeExpression.parse(text).map(CopyBound.timestamp) }
        return TimeExpression.parse(text).map(CopyBound.timestamp)
    }

    /// `--partition 0 --partition 2,3`.
    static func partitions(_ values: [String]) -> [Int32]? {
        var result: [Int32] = []
        for value in values {
            for part in value.split(separator: ",", omittingEmptySubsequences: false) {
                guard let number = Int32(part), number >= 0 else { return nil }
                if !result.contains(number) { result.append(number) }
            }
        }
        return result
    }

    /// The default checkpoint: `$XDG_STATE_HOME/kafkactl/copy/SOURCE--TARGET.checkpoint`.
    static func defaultCheckpoint(source: String, target: String) -> String {
        StatePaths.folder("copy") + "/\(source)--\(target).checkpoint"
    }

    /// Two bootstrap lists name the same cluster when they list the same addresses.
    static func sameCluster(_ left: ClientConfiguration, _ right: ClientConfiguration) -> Bool {
        Set(left.bootstrapServers.map { "\($0)" }) == Set(right.bootstrapServers.map { "\($0)" })
    }
}

extension PartitionMap: ExpressibleByArgument {}
