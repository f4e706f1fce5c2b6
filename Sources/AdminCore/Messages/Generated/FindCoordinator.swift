// Generated from Schemas/FindCoordinator.schema by generate-messages. Do not edit.
// FindCoordinator: which broker coordinates a group (or transaction). v4+ asks for several keys at once.

import NIOCore

/// FindCoordinator request (API key 10), versions 2-6.
public struct FindCoordinatorRequest: AnyBrokerRequest {
    public typealias Response = FindCoordinatorResponse
    public static let apiKey = ApiKey(rawValue: 10)
    public static let versions: ClosedRange<Int16> = 2...6
    public static let firstFlexibleVersion: Int16? = 3

    /// Key (versions v2-3)
    public var key: String
    /// KeyType: 0 GROUP, 1 TRANSACTION
    public var keyType: Int8
    /// CoordinatorKeys (versions v4+)
    public var coordinatorKeys: [String]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        key: String = "",
        keyType: Int8 = 0,
        coordinatorKeys: [String] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.key = key
        self.keyType = keyType
        self.coordinatorKeys = coordinatorKeys
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 3
        if version <= 3 {
            buffer.writeKafkaString(self.key, compact: flexible)
        } else if self.key != "" {
            throw WireError(.unsupportedInVersion(version), field: "FindCoordinatorRequest.Key")
        }
        buffer.writeInteger(self.keyType)
        if version >= 4 {
            buffer.writeKafkaArrayLength(self.coordinatorKeys.count, compact: flexible)
            for element in self.coordinatorKeys {
                buffer.writeKafkaString(element, compact: flexible)
            }
        } else if self.coordinatorKeys != [] {
            throw WireError(.unsupportedInVersion(version), field: "FindCoordinatorRequest.CoordinatorKeys")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 3
        if version <= 3 {
            self.key = try buffer.readKafkaString(compact: flexible, field: "FindCoordinatorRequest.Key")
        }
        self.keyType = try buffer.readKafkaInteger(as: Int8.self, field: "FindCoordinatorRequest.KeyType")
        if version >= 4 {
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 1 : 2, field: "FindCoordinatorRequest.CoordinatorKeys") {
                var items: [String] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try buffer.readKafkaString(compact: flexible, field: "FindCoordinatorRequest.CoordinatorKeys"))
                }
                self.coordinatorKeys = items
            } else {
                throw WireError.invalid("FindCoordinatorRequest.CoordinatorKeys", "null where an array is required")
            }
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "FindCoordinatorRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "FindCoordinatorRequest"))
            }
        }
    }
}

/// FindCoordinator response (API key 10), versions 2-6.
public struct FindCoordinatorResponse: KafkaResponse {
    public struct Coordinator: Hashable, Sendable {
        /// Key
        public var key: String
        /// NodeId
        public var nodeId: Int32
        /// Host
        public var host: String
        /// Port
        public var port: Int32
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            key: String = "",
            nodeId: Int32 = 0,
            host: String = "",
            port: Int32 = 0,
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.key = key
            self.nodeId = nodeId
            self.host = host
            self.port = port
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = version >= 3
            buffer.writeKafkaString(self.key, compact: flexible)
            buffer.writeInteger(self.nodeId)
            buffer.writeKafkaString(self.host, compact: flexible)
            buffer.writeInteger(self.port)
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = version >= 3
            self.key = try buffer.readKafkaString(compact: flexible, field: "Coordinator.Key")
            self.nodeId = try buffer.readKafkaInteger(as: Int32.self, field: "Coordinator.NodeId")
            self.host = try buffer.readKafkaString(compact: flexible, field: "Coordinator.Host")
            self.port = try buffer.readKafkaInteger(as: Int32.self, field: "Coordinator.Port")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "Coordinator.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "Coordinator.ErrorMessage")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "Coordinator")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "Coordinator"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode (versions v2-3)
    public var errorCode: Int16
    /// ErrorMessage (versions v2-3, nullable)
    public var errorMessage: String?
    /// NodeId (versions v2-3)
    public var nodeId: Int32
    /// Host (versions v2-3)
    public var host: String
    /// Port (versions v2-3)
    public var port: Int32
    /// Coordinators (versions v4+)
    public var coordinators: [Coordinator]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        errorMessage: String? = nil,
        nodeId: Int32 = 0,
        host: String = "",
        port: Int32 = 0,
        coordinators: [Coordinator] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.nodeId = nodeId
        self.host = host
        self.port = port
        self.coordinators = coordinators
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = version >= 3
        buffer.writeInteger(self.throttleTimeMs)
        if version <= 3 {
            buffer.writeInteger(self.errorCode)
        } else if self.errorCode != 0 {
            throw WireError(.unsupportedInVersion(version), field: "FindCoordinatorResponse.ErrorCode")
        }
        if version <= 3 {
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
        } else if self.errorMessage != nil {
            throw WireError(.unsupportedInVersion(version), field: "FindCoordinatorResponse.ErrorMessage")
        }
        if version <= 3 {
            buffer.writeInteger(self.nodeId)
        } else if self.nodeId != 0 {
            throw WireError(.unsupportedInVersion(version), field: "FindCoordinatorResponse.NodeId")
        }
        if version <= 3 {
            buffer.writeKafkaString(self.host, compact: flexible)
        } else if self.host != "" {
            throw WireError(.unsupportedInVersion(version), field: "FindCoordinatorResponse.Host")
        }
        if version <= 3 {
            buffer.writeInteger(self.port)
        } else if self.port != 0 {
            throw WireError(.unsupportedInVersion(version), field: "FindCoordinatorResponse.Port")
        }
        if version >= 4 {
            buffer.writeKafkaArrayLength(self.coordinators.count, compact: flexible)
            for element in self.coordinators {
                try element.encode(into: &buffer, version: version)
            }
        } else if self.coordinators != [] {
            throw WireError(.unsupportedInVersion(version), field: "FindCoordinatorResponse.Coordinators")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = version >= 3
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "FindCoordinatorResponse.ThrottleTimeMs")
        if version <= 3 {
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "FindCoordinatorResponse.ErrorCode")
        }
        if version <= 3 {
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "FindCoordinatorResponse.ErrorMessage")
        }
        if version <= 3 {
            self.nodeId = try buffer.readKafkaInteger(as: Int32.self, field: "FindCoordinatorResponse.NodeId")
        }
        if version <= 3 {
            self.host = try buffer.readKafkaString(compact: flexible, field: "FindCoordinatorResponse.Host")
        }
        if version <= 3 {
            self.port = try buffer.readKafkaInteger(as: Int32.self, field: "FindCoordinatorResponse.Port")
        }
        if version >= 4 {
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: flexible ? 14 : 16, field: "FindCoordinatorResponse.Coordinators") {
                var items: [Coordinator] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try Coordinator(from: &buffer, version: version))
                }
                self.coordinators = items
            } else {
                throw WireError.invalid("FindCoordinatorResponse.Coordinators", "null where an array is required")
            }
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "FindCoordinatorResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "FindCoordinatorResponse"))
            }
        }
    }
}
