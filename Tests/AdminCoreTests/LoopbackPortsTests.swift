import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The test harness's port handling, which keeps parallel tests from answering in each other's place.
@Suite struct LoopbackPortsTests {
    @Test func reservedPortsAreDistinctBelowTheEphemeralRangeAndFreeOnceReleased() throws {
        let reserved = try LoopbackPorts.reserve(8)
        let ports = reserved.map(\.port)
        #expect(Set(ports).count == 8)
        #expect(ports.allSatisfy { $0 >= 10_000 && $0 < LoopbackPorts.ephemeralRangeStart() }, "\(ports)")
        // Held: nobody else can bind them. Released for the caller's listeners: each can be bound again.
        #expect(ports.allSatisfy { HeldPort(port: $0, reuseAddress: false) == nil })
        reserved.forEach { $0.release() }
        let bound = ports.compactMap { HeldPort(port: $0, reuseAddress: false) }
        #expect(bound.count == 8)
    }

    @Test func aHeldPortRefusesConnectionsAndCannotBeTakenUntilReleased() throws {
        let held = try #require(HeldPort(port: 0))
        let refused = LoopbackPorts.connect(to: held.port)
        #expect(refused == ECONNREFUSED, "connect gave errno \(refused)")
        #expect(HeldPort(port: held.port, reuseAddress: false) == nil)
        held.release()
        #expect(HeldPort(port: held.port, reuseAddress: false) != nil)
    }
}
