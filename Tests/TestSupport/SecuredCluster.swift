import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Secured listeners in front of real Tansu brokers, for the TLS and SASL tests. Tansu itself has no working TLS or
/// SASL (BROKER.md), so the harness provides them honestly:
///
/// - TLS: one Debian `stunnel4` with a service per listener, using certificates `Tests/Support/make_certs.sh` makes
///   with `openssl` in a temporary directory (a CA, a server certificate for 127.0.0.1 and localhost, an expired one,
///   one for the wrong host, and a client certificate);
/// - SASL: `Tests/Support/sasl_proxy.py`, the broker side of Kafka's SASL flow (PLAIN, SCRAM-SHA-256/512 per the
///   RFCs), which forwards the byte stream to the broker once the client has authenticated.
///
/// Each secured path ends at a private Tansu started with `scripts/broker` and `KAFKACTL_BROKER_ADVERTISED` set to the
/// secured front address, so that Metadata and FindCoordinator send clients back through the front, never around it:
///
///     tls            stunnel (server cert)                     -> tansu A
///     mtls           stunnel (server cert, client cert required) -> tansu B
///     saslSSL        stunnel (server cert) -> sasl_proxy        -> tansu C
///     saslPlaintext  sasl_proxy                                  -> tansu D
///     expired, wrongHost: stunnel with those certificates        -> tansu A (handshakes fail before Metadata)
///     limitedSASL    sasl_proxy enabling PLAIN and SCRAM-SHA-512 only -> tansu D
///
/// One cluster per test process, started on first use; every process (brokers, stunnel, proxies) is started through
/// a supervisor or watchdog bound to this process's pid and stopped by pid when the process exits, and the directory
/// is removed. If it cannot start, `shared()` throws: the test fails and says what is missing.
public struct SecuredCluster: Sendable {
    /// The directory holding the certificates (`ca.pem`, `other-ca.pem`, `client.pem`, `client.key`,
    /// `client-encrypted.key`, `client-key-password`, `truststore.p12`, `truststore.jks`, ...).
    public let directory: URL
    public let tls: String
    public let mtls: String
    public let saslSSL: String
    public let saslPlaintext: String
    public let expired: String
    public let wrongHost: String
    public let limitedSASL: String
    /// Tansu A's own plaintext listener (behind `tls`), and Tansu D's (behind `saslPlaintext`): brokers without TLS
    /// or SASL.
    public let plaintextBehindTLS: String
    public let plaintextBehindSASL: String

    /// The users the SASL proxies know, and their passwords.
    public static let users: [(name: String, password: String)] = [
        ("alice", "Al1ce-s3cret=pw;x"), ("bob", "b0b-secret"),
    ]

    public func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    public struct Unavailable: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public static func shared() throws -> SecuredCluster {
        try started.get()
    }

    // MARK: - Starting and stopping

    private static let started: Result<SecuredCluster, Unavailable> = start()
    private static let owned = OwnedProcesses()

    private static func start() -> Result<SecuredCluster, Unavailable> {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kafkactl-secured-\(getpid())-\(UUID().uuidString.prefix(8))")
        owned.directory = directory
        atexit { SecuredCluster.stopAll() }
        do {
            return .success(try launch(in: directory))
        } catch {
            stopAll()
            return .failure(Unavailable(description: "could not start the secured test cluster: \(error). Run scripts/setup (stunnel4, openssl, the venv with Tansu)."))
        }
    }

    private static func launch(in directory: URL) throws -> SecuredCluster {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificates = try runProcess(repoRoot.appendingPathComponent("Tests/Support/make_certs.sh"), [directory.path], timeout: .seconds(60))
        guard certificates.exitCode == 0 else {
            throw Unavailable(description: "make_certs.sh exited \(certificates.exitCode): \(certificates.stderr)")
        }
        // Held while the brokers start (each picks a free port of its own by binding), released just before stunnel
        // and the proxies bind them.
        let reserved = try LoopbackPorts.reserve(8)
        defer { reserved.forEach { $0.release() } }
        let ports = reserved.map(\.port)
        let (tlsPort, mtlsPort, saslSSLPort, innerProxyPort, saslPlainPort, expiredPort, wrongHostPort, limitedPort) =
            (ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7])
        let brokerA = try startBroker("a", advertised: tlsPort, in: directory)
        let brokerB = try startBroker("b", advertised: mtlsPort, in: directory)
        let brokerC = try startBroker("c", advertised: saslSSLPort, in: directory)
        let brokerD = try startBroker("d", advertised: saslPlainPort, in: directory)

        let serverBundle = directory.appendingPathComponent("server-bundle.pem").path
        let configuration = """
            foreground = yes
            pid =
            debug = notice
            syslog = no

            [tls]
            accept = 127.0.0.1:\(tlsPort)
            connect = \(brokerA)
            cert = \(serverBundle)

            [mtls]
            accept = 127.0.0.1:\(mtlsPort)
            connect = \(brokerB)
            cert = \(serverBundle)
            CAfile = \(directory.appendingPathComponent("ca.pem").path)
            verifyChain = yes
            requireCert = yes

            [sasl_ssl]
            accept = 127.0.0.1:\(saslSSLPort)
            connect = 127.0.0.1:\(innerProxyPort)
            cert = \(serverBundle)

            [expired]
            accept = 127.0.0.1:\(expiredPort)
            connect = \(brokerA)
            cert = \(directory.appendingPathComponent("expired-bundle.pem").path)

            [wronghost]
            accept = 127.0.0.1:\(wrongHostPort)
            connect = \(brokerA)
            cert = \(directory.appendingPathComponent("wronghost-bundle.pem").path)

            """
        reserved.forEach { $0.release() }
        let stunnelConfiguration = directory.appendingPathComponent("stunnel.conf")
        try configuration.write(to: stunnelConfiguration, atomically: true, encoding: .utf8)
        try supervise("stunnel", ["/usr/bin/stunnel4", stunnelConfiguration.path], in: directory)

        let proxy = repoRoot.appendingPathComponent("Tests/Support/sasl_proxy.py").path
        let python = pythonVenv.appendingPathComponent("bin/python").path
        let users = users.flatMap { ["--user", "\($0.name):\($0.password)"] }
        try supervise("proxy-ssl", [python, proxy, "--listen", "127.0.0.1:\(innerProxyPort)", "--upstream", brokerC] + users, in: directory)
        try supervise("proxy-plain", [python, proxy, "--listen", "127.0.0.1:\(saslPlainPort)", "--upstream", brokerD] + users, in: directory)
        try supervise(
            "proxy-limited",
            [python, proxy, "--listen", "127.0.0.1:\(limitedPort)", "--upstream", brokerD, "--mechanisms", "PLAIN,SCRAM-SHA-512"] + users,
            in: directory)

        for port in [tlsPort, mtlsPort, saslSSLPort, innerProxyPort, saslPlainPort, expiredPort, wrongHostPort, limitedPort] {
            try waitForListener(port: port, in: directory)
        }
        return SecuredCluster(
            directory: directory, tls: "127.0.0.1:\(tlsPort)", mtls: "127.0.0.1:\(mtlsPort)",
            saslSSL: "127.0.0.1:\(saslSSLPort)", saslPlaintext: "127.0.0.1:\(saslPlainPort)",
            expired: "127.0.0.1:\(expiredPort)", wrongHost: "127.0.0.1:\(wrongHostPort)",
            limitedSASL: "127.0.0.1:\(limitedPort)", plaintextBehindTLS: brokerA, plaintextBehindSASL: brokerD)
    }

    /// `scripts/broker start` in a private state directory, advertising `advertised` on 127.0.0.1.
    private static func startBroker(_ name: String, advertised: Int, in directory: URL) throws -> String {
        let state = directory.appendingPathComponent("broker-\(name)")
        owned.brokerDirectories.append(state)
        // Through a clean signal mask (see supervise.py), so that the broker stops at SIGTERM rather than SIGKILL 3 s later.
        let result = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
             repoRoot.appendingPathComponent("scripts/broker").path, "start"],
            timeout: .seconds(40),
            environment: [
                "KAFKACTL_BROKER_DIR": state.path, "KAFKACTL_BROKER_OWNER_PID": String(getpid()),
                "KAFKACTL_BROKER_ADVERTISED": "127.0.0.1:\(advertised)",
            ])
        let address = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.exitCode == 0, !address.isEmpty else {
            throw Unavailable(description: "scripts/broker start exited \(result.exitCode): \(result.stderr)")
        }
        return address
    }

    /// Starts `command` under `Tests/Support/supervise.py`, which stops it when told to or when this process is gone.
    private static func supervise(_ name: String, _ command: [String], in directory: URL) throws {
        let process = ChildProcess()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repoRoot.appendingPathComponent("Tests/Support/supervise.py").path, String(getpid()),
                             directory.appendingPathComponent("\(name).log").path, "--"] + command
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        owned.add(process)
    }

    private static func waitForListener(port: Int, in directory: URL) throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if LoopbackPorts.connect(to: port) == 0 { return }
            usleep(50_000)
        }
        let logs = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".log") }
            .map { name in "\(name): \((try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? "")" }
        throw Unavailable(description: "nothing listens on 127.0.0.1:\(port) after 20 s; \(logs.joined(separator: "; "))")
    }

    /// Stops what this process started, by pid: the supervisors (each stops its child), then the brokers.
    private static func stopAll() {
        let supervisors = owned.processes
        for supervisor in supervisors { supervisor.terminate() }
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, supervisors.contains(where: \.isRunning) { usleep(50_000) }
        for supervisor in supervisors { supervisor.sendSignal(SIGKILL) }
        let brokers = owned.brokerDirectories
        DispatchQueue.concurrentPerform(iterations: brokers.count) { index in
            _ = try? runProcess(repoRoot.appendingPathComponent("scripts/broker"), ["stop"], timeout: .seconds(10),
                                environment: ["KAFKACTL_BROKER_DIR": brokers[index].path])
        }
        if let directory = owned.directory { try? FileManager.default.removeItem(at: directory) }
        owned.reset()
    }
}

/// What `SecuredCluster` started, for stopping it.
private final class OwnedProcesses: @unchecked Sendable {
    private let lock = NSLock()
    private var _processes: [ChildProcess] = []
    private var _brokers: [URL] = []
    private var _directory: URL?

    var processes: [ChildProcess] { lock.withLock { _processes } }
    func add(_ process: ChildProcess) { lock.withLock { _processes.append(process) } }
    var brokerDirectories: [URL] {
        get { lock.withLock { _brokers } }
        set { lock.withLock { _brokers = newValue } }
    }
    var directory: URL? {
        get { lock.withLock { _directory } }
        set { lock.withLock { _directory = newValue } }
    }
    func reset() { lock.withLock { _processes = []; _brokers = []; _directory = nil } }
}
