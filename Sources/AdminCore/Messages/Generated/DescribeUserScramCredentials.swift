// Generated from Schemas/DescribeUserScramCredentials.schema by generate-messages. Do not edit.
// DescribeUserScramCredentials: which SCRAM mechanisms each user has credentials for, and their iteration
// counts; never the salt or the salted password (Kafka 2.7+). Any broker answers.

import NIOCore

/// DescribeUserScramCredentials request (API key 50), versions 0-0.
public struct DescribeUserScramCredentialsRequest: AnyBrokerRequest {
    public typealias Response = DescribeUserScramCredentialsResponse
    public static let apiKey = ApiKey(rawValue: 50)
    public static let versions: ClosedRange<Int16> = 0...0
    public static let firstFlexibleVersion: Int16? = 0

    public struct UserName: Hashable, Sendable {
        /// Name
        public var name: String
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.name, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.name = try buffer.readKafkaString(compact: flexible, field: "UserName.Name")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "UserName")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "UserName"))
                }
            }
        }
    }

    /// Users (nullable): null or empty = every user with credentials
    public var users: [UserName]?
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        users: [UserName]? = nil,
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.users = users
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        if let items = self.users {
            buffer.writeKafkaArrayLength(items.count, compact: flexible)
            for element in items {
                try element.encode(into: &buffer, version: version)
            }
        } else {
            buffer.writeKafkaArrayLength(nil, compact: flexible)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 2, field: "DescribeUserScramCredentialsRequest.Users") {
            var items: [UserName] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try UserName(from: &buffer, version: version))
            }
            self.users = items
        } else {
            self.users = nil
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeUserScramCredentialsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeUserScramCredentialsRequest"))
            }
        }
    }
}

/// DescribeUserScramCredentials response (API key 50), versions 0-0.
public struct DescribeUserScramCredentialsResponse: KafkaResponse {
    public struct DescribeUserScramCredentialsResult: Hashable, Sendable {
        /// User
        public var user: String
        /// ErrorCode: RESOURCE_NOT_FOUND (91): the user has no credentials
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// CredentialInfos
        public var credentialInfos: [CredentialInfo]
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            user: String = "",
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            credentialInfos: [CredentialInfo] = [],
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.user = user
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.credentialInfos = credentialInfos
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.user, compact: flexible)
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            buffer.writeKafkaArrayLength(self.credentialInfos.count, compact: flexible)
            for element in self.credentialInfos {
                try element.encode(into: &buffer, version: version)
            }
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.user = try buffer.readKafkaString(compact: flexible, field: "DescribeUserScramCredentialsResult.User")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DescribeUserScramCredentialsResult.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeUserScramCredentialsResult.ErrorMessage")
            if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 6, field: "DescribeUserScramCredentialsResult.CredentialInfos") {
                var items: [CredentialInfo] = []
                items.reserveCapacity(count)
                for _ in 0..<count {
                    items.append(try CredentialInfo(from: &buffer, version: version))
                }
                self.credentialInfos = items
            } else {
                throw WireError.invalid("DescribeUserScramCredentialsResult.CredentialInfos", "null where an array is required")
            }
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeUserScramCredentialsResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeUserScramCredentialsResult"))
                }
            }
        }
    }

    public struct CredentialInfo: Hashable, Sendable {
        /// Mechanism: 1 SCRAM-SHA-256, 2 SCRAM-SHA-512
        public var mechanism: Int8
        /// Iterations
        public var iterations: Int32
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            mechanism: Int8 = 0,
            iterations: Int32 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.mechanism = mechanism
            self.iterations = iterations
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeInteger(self.mechanism)
            buffer.writeInteger(self.iterations)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.mechanism = try buffer.readKafkaInteger(as: Int8.self, field: "CredentialInfo.Mechanism")
            self.iterations = try buffer.readKafkaInteger(as: Int32.self, field: "CredentialInfo.Iterations")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "CredentialInfo")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "CredentialInfo"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// ErrorCode: the whole request (authorization); each user has its own below
    public var errorCode: Int16
    /// ErrorMessage (nullable)
    public var errorMessage: String?
    /// Results
    public var results: [DescribeUserScramCredentialsResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        errorCode: Int16 = 0,
        errorMessage: String? = nil,
        results: [DescribeUserScramCredentialsResult] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.errorCode = errorCode
        self.errorMessage = errorMessage
        self.results = results
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeInteger(self.throttleTimeMs)
        buffer.writeInteger(self.errorCode)
        buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
        buffer.writeKafkaArrayLength(self.results.count, compact: flexible)
        for element in self.results {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "DescribeUserScramCredentialsResponse.ThrottleTimeMs")
        self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "DescribeUserScramCredentialsResponse.ErrorCode")
        self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "DescribeUserScramCredentialsResponse.ErrorMessage")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 6, field: "DescribeUserScramCredentialsResponse.Results") {
            var items: [DescribeUserScramCredentialsResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try DescribeUserScramCredentialsResult(from: &buffer, version: version))
            }
            self.results = items
        } else {
            throw WireError.invalid("DescribeUserScramCredentialsResponse.Results", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "DescribeUserScramCredentialsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "DescribeUserScramCredentialsResponse"))
            }
        }
    }
}
