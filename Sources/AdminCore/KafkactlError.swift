/// The one error type AdminCore throws. Its message is a single line that names what failed, on what, and
/// what to do next; the CLI prints it as it is and turns the category into an exit code.
public struct KafkactlError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Category: Sendable, Equatable {
        /// The request was wrong before anything was sent (bad flag values, malformed input).
        case usage
        /// A topic, group or other object that does not exist.
        case notFound
        /// The object exists already or is in a state that forbids the change.
        case conflict
        /// The broker refused the request.
        case rejected
        /// The broker (or kafkactl) cannot do this at all.
        case unsupported
        /// No broker could be reached.
        case unreachable
        /// The operation did not finish in time.
        case timeout
        /// Some items succeeded and some failed; each failure was reported on its own.
        case partial
        /// The user interrupted the command.
        case interrupted
        /// A bug, or a broker answering with bytes that are not Kafka's protocol.
        case `internal`
    }

    public var category: Category
    public var message: String
    /// The broker's error code, when the broker said no.
    public var code: ErrorCode?
    /// Why a connection could not be opened, when that is the failure (typed, so no caller reads the message).
    public var connectFailure: ConnectFailure?

    /// What the transport did to the request, when the transport is the failure (typed, so that whether a request
    /// may be sent again is never read from a message).
    public var transport: TransportFailure?

    public enum TransportFailure: Sendable, Equatable {
        /// Every address was tried, for as long as the connect timeout allows: asking again would repeat that.
        case noBrokerReachable
        /// One broker could not be reached: nothing was sent to it.
        case notConnected
        /// The connection closed after the request was written (or was reset): the broker may have acted on it.
        case connectionLost(during: ApiKey, reset: Bool)
    }

    /// How opening a TCP connection failed. A refusal is an answer (the host is up, nothing listens on the port);
    /// a time-out or an unknown host is not.
    public enum ConnectFailure: Sendable, Equatable {
        case refused
        case timedOut
        case other
    }

    public init(
        _ category: Category, _ message: String, code: ErrorCode? = nil, connectFailure: ConnectFailure? = nil,
        transport: TransportFailure? = nil
    ) {
        self.category = category
        self.message = message
        self.code = code
        self.connectFailure = connectFailure
        self.transport = transport
    }

    /// The process exit code for this failure (see README "Exit codes").
    public var exitCode: Int32 {
        switch category {
        case .usage: return 64
        case .unreachable: return 69
        case .timeout: return 75
        case .interrupted: return 130
        case .notFound, .conflict, .rejected, .unsupported, .partial, .internal: return 1
        }
    }

    public var description: String { message }

    /// An error the broker returned for one object, e.g. `Topic 'orders' already exists. [TOPIC_ALREADY_EXISTS]`.
    public static func broker(_ code: ErrorCode, _ what: String, brokerMessage: String? = nil) -> KafkactlError {
        let detail = (brokerMessage?.isEmpty == false ? brokerMessage! : code.message)
        return KafkactlError(category(for: code), "\(what): \(detail) [\(code.name)]", code: code)
    }

    static func category(for code: ErrorCode) -> Category {
        switch code {
        case .unknownTopicOrPartition, .groupIdNotFound, .unknownTopicId: return .notFound
        case .topicAlreadyExists, .nonEmptyGroup: return .conflict
        case .unsupportedVersion: return .unsupported
        case .requestTimedOut: return .timeout
        default: return .rejected
        }
    }
}
