import NIOCore

extension AdminClient {
    /// The mechanisms and iteration counts of each user's SCRAM credentials (DescribeUserScramCredentials,
    /// Kafka 2.7+); an empty list asks for every user that has any. Users come back in the broker's order.
    public func describeUserScramCredentials(_ users: [String]) async throws -> [UserScramCredentials] {
        let request = DescribeUserScramCredentialsRequest(users: users.map { .init(name: $0) })
        let response = try await client.send(request, feature: "describing SCRAM credentials")
        let code = ErrorCode(rawValue: response.errorCode)
        guard code == .none else {
            throw KafkactlError.broker(code, "cannot describe SCRAM credentials", brokerMessage: response.errorMessage)
        }
        return response.results.map { result in
            let code = ErrorCode(rawValue: result.errorCode)
            guard code == .none else {
                return UserScramCredentials(user: result.user, result: .failure(.broker(
                    code, "cannot describe the SCRAM credentials of user \(result.user)", brokerMessage: result.errorMessage)))
            }
            return UserScramCredentials(user: result.user, result: .success(result.credentialInfos.map {
                .init(mechanism: ScramMechanism(rawValue: $0.mechanism), mechanismId: $0.mechanism, iterations: Int($0.iterations))
            }))
        }
    }

    /// Removes and adds (or replaces) SCRAM credentials in one request (AlterUserScramCredentials, Kafka 2.7+).
    /// The broker answers per user; the first refusal is thrown.
    public func alterUserScramCredentials(
        deletions: [(user: String, mechanism: ScramMechanism)], upsertions: [ScramCredentialUpsertion]
    ) async throws {
        let request = AlterUserScramCredentialsRequest(
            deletions: deletions.map { .init(name: $0.user, mechanism: $0.mechanism.rawValue) },
            upsertions: upsertions.map {
                .init(name: $0.user, mechanism: $0.mechanism.rawValue, iterations: Int32(clamping: $0.iterations),
                      salt: ByteBuffer(bytes: $0.salt), saltedPassword: ByteBuffer(bytes: $0.saltedPassword))
            })
        let response = try await client.send(request, feature: "changing SCRAM credentials")
        for result in response.results {
            let code = ErrorCode(rawValue: result.errorCode)
            if code != .none {
                throw KafkactlError.broker(code, "cannot alter the SCRAM credentials of user \(result.user)",
                                           brokerMessage: result.errorMessage)
            }
        }
    }
}
