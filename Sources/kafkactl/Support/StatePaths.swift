#if canImport(Glibc)
import Glibc
#endif

/// Where kafkactl keeps state between runs: `$XDG_STATE_HOME/kafkactl` (`~/.local/state/kafkactl`).
enum StatePaths {
    /// The folder, created on first use.
    static func folder(_ child: String? = nil) -> String {
        let environment = { (name: String) in getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } }
        let base = environment("XDG_STATE_HOME") ?? ((environment("HOME") ?? "/tmp") + "/.local/state")
        let folder = base + "/kafkactl" + (child.map { "/" + $0 } ?? "")
        makeDirectories(folder)
        return folder
    }

    static func makeDirectories(_ path: String) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            mkdir(current, 0o755)
        }
    }

    /// Writes `text` to `path`; false when it could not.
    static func write(_ text: String, to path: String) -> Bool {
        guard let file = fopen(path, "w") else { return false }
        defer { fclose(file) }
        return fputs(text, file) >= 0
    }
}
