import AdminCore
import CBuildInfo

/// What `kafkactl --version` and `kafkactl version` report: the release, the commit it was built from, and the Swift
/// compiler that built it.
enum BuildInfo {
    static let version = KafkactlVersion.current
    static let commit = String(cString: kafkactl_build_commit())

    /// Swift has no run-time call for the compiler's version; the compiler answers these conditions at build time.
    static let swiftVersion: String = {
        #if compiler(>=6.5)
        return "6.5 or later"
        #elseif compiler(>=6.4)
        return "6.4"
        #elseif compiler(>=6.3.2)
        return "6.3.2"
        #elseif compiler(>=6.3.1)
        return "6.3.1"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }()

    /// `0.1.0 (commit 0123456789ab, Swift 6.3.1)`.
    static var line: String { "\(version) (commit \(commit), Swift \(swiftVersion))" }
}
