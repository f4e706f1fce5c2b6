import AdminCore
import Synchronization

/// Topic and group names for completion, refreshed in the background from the shell's client; read
/// synchronously by libedit's completion callback, hence the lock.
final class NameCache: Sendable {
    private let names = Mutex<(topics: [String], groups: [String])>(([], []))

    var topics: [String] { names.withLock { $0.topics } }
    var groups: [String] { names.withLock { $0.groups } }

    /// Fetches both lists; a failure leaves the old ones (completion must never break the shell).
    func refresh(using client: KafkaClient) async {
        let admin = AdminClient(client: client)
        let topics = (try? await admin.listTopics().map(\.name)) ?? self.topics
        let groups = (try? await admin.listGroups().map(\.groupId)) ?? self.groups
        store(topics: topics, groups: groups)
    }

    /// Replaces both lists.
    func store(topics: [String], groups: [String]) {
        names.withLock { $0 = (topics, groups) }
    }
}
