import NIOCore

extension BrokerConnection {
    /// SaslHandshake v1, then SaslAuthenticate until the mechanism is complete (protocol.md §9). Runs right after
    /// ApiVersions, before the connection serves anything else. Failures are one line naming the broker, the user
    /// and the mechanism; the password never appears, not even when a broker's message echoes it.
    func authenticate(_ sasl: SASLSettings) async throws {
        let mechanism = sasl.mechanism.rawValue
        guard versions.ranges[ApiKey.saslHandshake.rawValue] != nil else {
            throw KafkactlError(
                .rejected,
                "the broker at \(address) does not offer SASL (no SaslHandshake in its ApiVersions): check security.protocol (PLAINTEXT or SSL for a listener without SASL)")
        }
        guard let handshakeVersion = versions.version(for: SaslHandshakeRequest.self) else {
            throw KafkactlError(
                .unsupported,
                "the broker at \(address) speaks only SaslHandshake v0 (Kafka before 1.0), which kafkactl does not; SASL needs SaslHandshake v1")
        }
        let handshake = try await send(SaslHandshakeRequest(mechanism: mechanism), version: handshakeVersion)
        let handshakeCode = ErrorCode(rawValue: handshake.errorCode)
        switch handshakeCode {
        case .none:
            break
        case .unsupportedSaslMechanism:
            let offered = handshake.mechanisms.joined(separator: ", ")
            if handshake.mechanisms.contains(mechanism) {
                throw KafkactlError(
                    .rejected,
                    "the broker at \(address) refused SASL mechanism \(mechanism) although it lists it (it lists: \(offered)); its listener may not use SASL: check security.protocol [UNSUPPORTED_SASL_MECHANISM]",
                    code: handshakeCode)
            }
            if handshake.mechanisms.isEmpty {
                throw KafkactlError(
                    .rejected,
                    "the broker at \(address) enables no SASL mechanism on this listener: check security.protocol [UNSUPPORTED_SASL_MECHANISM]",
                    code: handshakeCode)
            }
            throw KafkactlError(
                .rejected,
                "the broker at \(address) does not enable SASL mechanism \(mechanism) (it offers: \(offered)): set sasl.mechanism to one of those [UNSUPPORTED_SASL_MECHANISM]",
                code: handshakeCode)
        case .illegalSaslState:
            throw KafkactlError(
                .rejected,
                "the broker at \(address) does not use SASL on this listener (SaslHandshake answered ILLEGAL_SASL_STATE): check security.protocol (PLAINTEXT or SSL for a listener without SASL)",
                code: handshakeCode)
        default:
            throw KafkactlError.broker(handshakeCode, "SASL handshake with \(address)")
        }

        let who = "SASL \(mechanism) authentication as '\(sasl.username)' to \(address)"
        switch sasl.mechanism {
        case .plain:
            // RFC 4616: authzid NUL authcid NUL passwd, with an empty authzid.
            let token = [0] + Array(sasl.username.utf8) + [0] + Array(sasl.password.revealed.utf8)
            _ = try await saslExchange(token, who: who, password: sasl.password)
        case .scramSHA256, .scramSHA512:
            var scram = SCRAMClient(
                hash: sasl.mechanism == .scramSHA256 ? .sha256 : .sha512, username: sasl.username,
                password: sasl.password, tokenAuthentication: sasl.tokenAuthentication)
            let serverFirst = try await saslExchange(scram.clientFirstMessage, who: who, password: sasl.password)
            do {
                let clientFinal = try scram.clientFinalMessage(serverFirst: serverFirst)
                let serverFinal = try await saslExchange(clientFinal, who: who, password: sasl.password)
                try scram.verify(serverFinal: serverFinal)
            } catch let failure as SCRAMClient.Failure {
                throw KafkactlError(.rejected, "\(who) failed: \(sasl.password.redacting(failure.description))")
            }
        }
    }

    /// One SaslAuthenticate round trip: our message out, the server's back, or the server's refusal as an error.
    private func saslExchange(_ token: [UInt8], who: String, password: Secret) async throws -> [UInt8] {
        guard let version = versions.version(for: SaslAuthenticateRequest.self) else {
            throw KafkactlError(
                .unsupported,
                "the broker at \(address) does not offer SaslAuthenticate, which SASL after SaslHandshake v1 needs")
        }
        let response = try await send(SaslAuthenticateRequest(authBytes: ByteBuffer(bytes: token)), version: version)
        let code = ErrorCode(rawValue: response.errorCode)
        guard code == .none else {
            let said = response.errorMessage.flatMap { $0.isEmpty ? nil : password.redacting($0) } ?? code.message
            throw KafkactlError(.rejected, "\(who) failed: \(said) [\(code.name)]", code: code)
        }
        var bytes = response.authBytes
        return bytes.readBytes(length: bytes.readableBytes) ?? []
    }
}
