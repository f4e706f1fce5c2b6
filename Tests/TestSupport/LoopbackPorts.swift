#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Loopback ports for listeners that another process binds later, and ports held shut while a test wants them
/// refusing connections.
///
/// Why not port 0: a port the kernel handed out for `bind(0)` comes from the ephemeral range, the same range it
/// draws from for every other test's listeners and for every outgoing connection's local port. Between our releasing
/// it and a proxy binding it, a parallel test can take it; a ClusterProxy listener that then answers in the proxy's
/// place forwards to a real broker, and the test sees a wrong but plausible answer instead of an error. Ports below
/// the ephemeral range are never handed out by the kernel, so only another deliberate pick could collide.
public enum LoopbackPorts {
    /// `count` different ports below the ephemeral range, held until the caller releases each just before its
    /// listener binds it: while held, no other pick (scripts/broker's included, which checks by binding) takes it.
    public static func reserve(_ count: Int) throws -> [HeldPort] {
        let ephemeralLow = ephemeralRangeStart()
        let lowest = 10_000
        var held: [HeldPort] = []
        var attempts = 0
        while held.count < count {
            attempts += 1
            guard attempts <= 1_000 else { throw PortUnavailable(description: "no free loopback port below \(ephemeralLow) after 1000 tries") }
            let port = ephemeralLow > lowest + 1_000 ? Int.random(in: lowest..<ephemeralLow) : 0
            if held.contains(where: { $0.port == port }) { continue }
            if let socket = HeldPort(port: port, reuseAddress: false) { held.append(socket) }
        }
        return held
    }

    /// 0 when a connection to 127.0.0.1:`port` is accepted, else the errno (ECONNREFUSED when nothing listens).
    public static func connect(to port: Int) -> Int32 {
        #if canImport(Glibc) || canImport(Musl)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                #if canImport(Glibc)
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #elseif canImport(Musl)
                Musl.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #else
                Darwin.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #endif
            }
        }
        return connected == 0 ? 0 : errno
    }

    /// 127.0.0.1:`port` (0: any) as the socket calls take it.
    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    /// The first port of `net.ipv4.ip_local_port_range` (32768 unless changed).
    public static func ephemeralRangeStart() -> Int {
        guard let file = fopen("/proc/sys/net/ipv4/ip_local_port_range", "r") else { return 32_768 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 64)
        guard fgets(&line, Int32(line.count), file) != nil,
            let first = String(cString: line).split(whereSeparator: { $0 == " " || $0 == "\t" }).first,
            let low = Int(first), low > 0
        else { return 32_768 }
        return low
    }
}

/// A loopback TCP port bound by a socket that never listens: connecting to it is refused (RST), as to a stopped
/// broker, and no other listener or outgoing connection can take the port while it is held.
public final class HeldPort: @unchecked Sendable {
    public let port: Int
    private var descriptor: Int32

    /// Binds 127.0.0.1:`port` (0: any); nil if it is in use. `reuseAddress` lets it bind a port whose listener just
    /// closed and still has connections in TIME_WAIT.
    public init?(port: Int, reuseAddress: Bool = true) {
        #if canImport(Glibc) || canImport(Musl)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return nil }
        var one: Int32 = 1
        if reuseAddress { setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size)) }
        var address = LoopbackPorts.loopback(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard bound == 0, named == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// Frees the port (idempotent).
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

public struct PortUnavailable: Error, CustomStringConvertible, Sendable {
    public var description: String
}
