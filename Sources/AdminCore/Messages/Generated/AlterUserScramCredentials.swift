// Generated from Schemas/AlterUserScramCredentials.schema by generate-messages. Do not edit.
// AlterUserScramCredentials: adds, replaces or removes users' SCRAM credentials (Kafka 2.7+). The client picks
// the salt and sends the salted password (PBKDF2 of the password), never the password itself. Any broker
// answers; it forwards to the controller.

import NIOCore

/// AlterUserScramCredentials request (API key 51), versions 0-0.
public struct AlterUserScramCredentialsRequest: AnyBrokerRequest {
    public typealias Response = AlterUserScramCredentialsResponse
    public static let apiKey = ApiKey(rawValue: 51)
    public static let versions: ClosedRange<Int16> = 0...0
    public static let firstFlexibleVersion: Int16? = 0

    public struct ScramCredentialDeletion: Hashable, Sendable {
        /// Name
        public var name: String
        /// Mechanism: 1 SCRAM-SHA-256, 2 SCRAM-SHA-512
        public var mechanism: Int8
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            mechanism: Int8 = 0,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.mechanism = mechanism
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeInteger(self.mechanism)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.name = try buffer.readKafkaString(compact: flexible, field: "ScramCredentialDeletion.Name")
            self.mechanism = try buffer.readKafkaInteger(as: Int8.self, field: "ScramCredentialDeletion.Mechanism")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ScramCredentialDeletion")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ScramCredentialDeletion"))
                }
            }
        }
    }

    public struct ScramCredentialUpsertion: Hashable, Sendable {
        /// Name
        public var name: String
        /// Mechanism
        public var mechanism: Int8
        /// Iterations: 4096 to 16384 on Kafka's brokers
        public var iterations: Int32
        /// Salt
        public var salt: ByteBuffer
        /// SaltedPassword: Hi(password, salt, iterations) of RFC 5802
        public var saltedPassword: ByteBuffer
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            name: String = "",
            mechanism: Int8 = 0,
            iterations: Int32 = 0,
            salt: ByteBuffer = ByteBuffer(),
            saltedPassword: ByteBuffer = ByteBuffer(),
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.name = name
            self.mechanism = mechanism
            self.iterations = iterations
            self.salt = salt
            self.saltedPassword = saltedPassword
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.name, compact: flexible)
            buffer.writeInteger(self.mechanism)
            buffer.writeInteger(self.iterations)
            buffer.writeKafkaBytes(self.salt, compact: flexible)
            buffer.writeKafkaBytes(self.saltedPassword, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.name = try buffer.readKafkaString(compact: flexible, field: "ScramCredentialUpsertion.Name")
            self.mechanism = try buffer.readKafkaInteger(as: Int8.self, field: "ScramCredentialUpsertion.Mechanism")
            self.iterations = try buffer.readKafkaInteger(as: Int32.self, field: "ScramCredentialUpsertion.Iterations")
            self.salt = try buffer.readKafkaBytes(compact: flexible, field: "ScramCredentialUpsertion.Salt")
            self.saltedPassword = try buffer.readKafkaBytes(compact: flexible, field: "ScramCredentialUpsertion.SaltedPassword")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "ScramCredentialUpsertion")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "ScramCredentialUpsertion"))
                }
            }
        }
    }

    /// Deletions
    public var deletions: [ScramCredentialDeletion]
    /// Upsertions
    public var upsertions: [ScramCredentialUpsertion]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        deletions: [ScramCredentialDeletion] = [],
        upsertions: [ScramCredentialUpsertion] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.deletions = deletions
        self.upsertions = upsertions
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeKafkaArrayLength(self.deletions.count, compact: flexible)
        for element in self.deletions {
            try element.encode(into: &buffer, version: version)
        }
        buffer.writeKafkaArrayLength(self.upsertions.count, compact: flexible)
        for element in self.upsertions {
            try element.encode(into: &buffer, version: version)
        }
        if flexible {
            buffer.writeTaggedFields(unknownTaggedFields)
        }
    }

    public init(from buffer: inout ByteBuffer, version: Int16) throws {
        self.init()
        let flexible = true
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 3, field: "AlterUserScramCredentialsRequest.Deletions") {
            var items: [ScramCredentialDeletion] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try ScramCredentialDeletion(from: &buffer, version: version))
            }
            self.deletions = items
        } else {
            throw WireError.invalid("AlterUserScramCredentialsRequest.Deletions", "null where an array is required")
        }
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 9, field: "AlterUserScramCredentialsRequest.Upsertions") {
            var items: [ScramCredentialUpsertion] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try ScramCredentialUpsertion(from: &buffer, version: version))
            }
            self.upsertions = items
        } else {
            throw WireError.invalid("AlterUserScramCredentialsRequest.Upsertions", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "AlterUserScramCredentialsRequest")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterUserScramCredentialsRequest"))
            }
        }
    }
}

/// AlterUserScramCredentials response (API key 51), versions 0-0.
public struct AlterUserScramCredentialsResponse: KafkaResponse {
    public struct AlterUserScramCredentialsResult: Hashable, Sendable {
        /// User
        public var user: String
        /// ErrorCode
        public var errorCode: Int16
        /// ErrorMessage (nullable)
        public var errorMessage: String?
        /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
        public var unknownTaggedFields: [TaggedField]

        public init(
            user: String = "",
            errorCode: Int16 = 0,
            errorMessage: String? = nil,
            unknownTaggedFields: [TaggedField] = []
        ) {
            self.user = user
            self.errorCode = errorCode
            self.errorMessage = errorMessage
            self.unknownTaggedFields = unknownTaggedFields
        }

        public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
            let flexible = true
            buffer.writeKafkaString(self.user, compact: flexible)
            buffer.writeInteger(self.errorCode)
            buffer.writeKafkaNullableString(self.errorMessage, compact: flexible)
            if flexible {
                buffer.writeTaggedFields(unknownTaggedFields)
            }
        }

        public init(from buffer: inout ByteBuffer, version: Int16) throws {
            self.init()
            let flexible = true
            self.user = try buffer.readKafkaString(compact: flexible, field: "AlterUserScramCredentialsResult.User")
            self.errorCode = try buffer.readKafkaInteger(as: Int16.self, field: "AlterUserScramCredentialsResult.ErrorCode")
            self.errorMessage = try buffer.readKafkaNullableString(compact: flexible, field: "AlterUserScramCredentialsResult.ErrorMessage")
            if flexible {
                let taggedCount = try buffer.readTaggedFieldCount(field: "AlterUserScramCredentialsResult")
                for _ in 0..<taggedCount {
                    self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterUserScramCredentialsResult"))
                }
            }
        }
    }

    /// ThrottleTimeMs
    public var throttleTimeMs: Int32
    /// Results
    public var results: [AlterUserScramCredentialsResult]
    /// Tagged fields this version of kafkactl does not know, kept so the message re-encodes exactly.
    public var unknownTaggedFields: [TaggedField]

    public init(
        throttleTimeMs: Int32 = 0,
        results: [AlterUserScramCredentialsResult] = [],
        unknownTaggedFields: [TaggedField] = []
    ) {
        self.throttleTimeMs = throttleTimeMs
        self.results = results
        self.unknownTaggedFields = unknownTaggedFields
    }

    public func encode(into buffer: inout ByteBuffer, version: Int16) throws {
        let flexible = true
        buffer.writeInteger(self.throttleTimeMs)
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
        self.throttleTimeMs = try buffer.readKafkaInteger(as: Int32.self, field: "AlterUserScramCredentialsResponse.ThrottleTimeMs")
        if let count = try buffer.readKafkaArrayLength(compact: flexible, minimumElementSize: 5, field: "AlterUserScramCredentialsResponse.Results") {
            var items: [AlterUserScramCredentialsResult] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                items.append(try AlterUserScramCredentialsResult(from: &buffer, version: version))
            }
            self.results = items
        } else {
            throw WireError.invalid("AlterUserScramCredentialsResponse.Results", "null where an array is required")
        }
        if flexible {
            let taggedCount = try buffer.readTaggedFieldCount(field: "AlterUserScramCredentialsResponse")
            for _ in 0..<taggedCount {
                self.unknownTaggedFields.append(try buffer.readTaggedField(field: "AlterUserScramCredentialsResponse"))
            }
        }
    }
}
