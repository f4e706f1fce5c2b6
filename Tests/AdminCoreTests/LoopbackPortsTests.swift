import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The test harness's port handling, which keeps parallel tests from answering in each other's place.
@Suite struct LoopbackPortsTests {
    @Test func unusedPortsAreDistinctAndBelowTheEphemeralRange() throws {
        let ports = try LoopbackPorts.unused(8)
        #expect(Set(ports).count == 8)
        #expect(ports.allSatisfy { $0 >= 10_000 && $0 < LoopbackPorts.ephemeralRangeStart() }, "\(ports)")
        // Released for the caller: each can be bound again.
        let bound = ports.compactMap { HeldPort(port: $0, reuseAddress: false) }
        #expect(bound.count == 8)
    }

    @Test func aHeldPortRefusesConnectionsAndCannotBeTakenUntilReleased() throws {
        let held = try #require(HeldPort(port: 0))
        let refused = Self.connect(to: held.port)
        #expect(refused == ECONNREFUSED, "connect gave errno \(refused)")
        #expect(HeldPort(port: held.port, reuseAddress: false) == nil)
        held.release()
        #expect(HeldPort(port: held.port, reuseAddress: false) != nil)
    }

    /// 0 when a connection to 127.0.0.1:`port` is accepted, else the errno.
    private static func connect(to port: Int) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0 ? 0 : errno
    }
}
