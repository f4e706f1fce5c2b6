// Generated from Schemas/DescribeCluster.schema by generate-messages. Do not edit.
// DescribeCluster: brokers, controller and cluster id (Kafka 2.8+; older brokers: use Metadata).

import NIOCore

/// DescribeCluster request (API key 60), versions 0-2.
public struct DescribeClusterRequest: AnyBrokerRequest {
    public typealias Response = DescribeClusterResponse
    public static let apiKey = ApiKey(rawValue: 60)
    public static let versions: ClosedRange<Int16> = 0...2
    public static let firstFlexibleVersion: Int16? = 0

    /// IncludeClusterAuthorizedOperations
    public var includeClusterAuthorizedOperations: Bool
    /// EndpointType (versions v1+): 1 = brokers
    public var endpointType: Int8
    /// IncludeFencedBrokers (versions v2+)
    public var includeFencedBrokers: Bool
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        includeClusterAuthorizedOperations: Bool = false,
        endpointType: Int8 = 1,
        includeFencedBrokers: Bool = false,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.includeClusterAuthorizedOperations = includeClusterAuthorizedOperations
        self.endpointType = endpointType
        self.includeFencedBrokers = includeFencedBrokers
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeKafkaBool(self.includeClusterAuthorizedOperations)
        if version >= 1 {
            buffer.writeInteger(self.endpointType)
        } else if self.endpointType != 1 {
            throw WireError(.unsupportedInVersion(version), field: "DescribeClusterRequest.EndpointType")
        }
        if version >= 2 {
            buffer.writeKafkaBool(self.includeFencedBrokers)
        } else if self.includeFencedBrokers != false {
            throw WireError(.unsupportedInVersion(version), field: "DescribeClusterRequest.IncludeFencedBrokers")
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        self.includeClusterAuthorizedOperations = try buffer.readKafkaBool(field: "DescribeClusterRequest.IncludeClusterAuthorizedOperations")
        if version >= 1 {
            self.endpointType = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeClusterRequest.EndpointType")
        }
        if version >= 2 {
            self.includeFencedBrokers = try buffer.readKafkaBool(field: "DescribeClusterRequest.IncludeFencedBrokers")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeClusterRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeClusterRequest"))
            }
        }
    }
}

/// DescribeCluster response (API key 60), versions 0-2.
public struct DescribeClusterResponse: KafkaResponse {
    public struct DescribeClusterBroker: Hashable, Sendable {
        /// BrokerId
        public var brokerId: Int32
        /// Host
        public var host: String
        /// Port
        public var port: Int32
        /// Rack (nullable)
        public var rack: String?
        /// IsFenced (versions v2+)
        public var isFenced: Bool
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            brokerId: Int32 = 0,
            host: String = "",
            port: Int32 = 0,
            rack: String? = nil,
            isFenced: Bool = false,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.brokerId = brokerId
            self.host = host
            self.port = port
            self.rack = rack
            self.isFenced = isFenced
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.brokerId)
            buffer.writeKafkaString(self.host, compact: flexible)
            buffer.writeInteger(self.port)
            buffer.writeKafkaNullableString(self.rack, compact: flexible)
            if version >= 2 {
                buffer.writeKafkaBool(self.isFenced)
            } else if self.isFenced != false {
                throw WireError(.unsupportedInVersion(version), field: "DescribeClusterBroker.IsFenced")
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.brokerId = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeClusterBroker.BrokerId")
            self.host = try buffer.readKafkaString(compact: flexible, field: "DescribeClusterBroker.Host")
            self.port = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeClusterBroker.Port")
            self.rack = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeClusterBroker.Rack")
            if version >= 2 {
                self.isFenced = try buffer.readKafkaBool(field: "DescribeClusterBroker.IsFenced")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeClusterBroker")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeClusterBroker"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode
    public var errorCode: Int16
    /// ErrorMessage (nullable)
    public var errorMessage: String?
    /// EndpointType (versions v1+)
    public var endpointType: Int8
    /// ClusterId
    public var clusterId: String
    /// ControllerId
    public var controllerId: Int32
    /// Brokers
    public var brokers: [DescribeClusterBroker]
    /// ClusterAuthorizedOperations
    public var clusterAuthorizedOperations: Int32
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        errorMessage: String? = nil,
        endpointType: Int8 = 1,
        clusterId: String = "",
        controllerId: Int32 = -1,
        brokers: [DescribeClusterBroker] = [],
        clusterAuthorizedOperations: Int32 = -2147483648,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.endpointType = endpointType
        self.clusterId = clusterId
        self.controllerId = controllerId
        self.brokers = brokers
        self.clusterAuthorizedOperations = clusterAuthorizedOperations
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
        if version >= 1 {
            buffer.writeInteger(self.endpointType)
        } else if self.endpointType != 1 {
            throw WireError(.unsupportedInVersion(version), field: "DescribeClusterResponse.EndpointType")
        }
        buffer.writeKafkaString(self.clusterId, compact: flexible)
        buffer.writeInteger(self.controllerId)
        buffer.writeKafkaArrayLength(self.brokers.count, compact: flexible)
        for element in self.brokers {
            try element.encode(into: &buffer, version: version)
        }
        buffer.writeInteger(self.clusterAuthorizedOperations)
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeClusterResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DescribeClusterResponse.ErrorCode")
        self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeClusterResponse.ErrorMessage")
        if version >= 1 {
            self.endpointType = try buffer.readKafkaInteger(as: Int8.self, field: "DescribeClusterResponse.EndpointType")
        }
        self.clusterId = try buffer.readKafkaString(compact: flexible, field: "DescribeClusterResponse.ClusterId")
        self.controllerId = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeClusterResponse.ControllerId")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 11, field: "DescribeClusterResponse.Brokers") {
            var items: [DescribeClusterBroker] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DescribeClusterBroker(from: &buffer, version: version))
            }
            self.brokers = items
        } else {
            throw WireError.invalid("DescribeClusterResponse.Brokers", "null where an array is required")
        }
        self.clusterAuthorizedOperations = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeClusterResponse.ClusterAuthorizedOperations")
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeClusterResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeClusterResponse"))
            }
        }
    }
}
