#!/usr/bin/env python3
"""The broker side of Kafka's SASL flow, in front of a broker that has none (the test broker, Tansu).

    sasl_proxy.py --listen 127.0.0.1:PORT --upstream 127.0.0.1:PORT --user alice:secret [--user ...]
                  [--mechanisms PLAIN,SCRAM-SHA-256,SCRAM-SHA-512] [--iterations 4096]

Per connection, as a Kafka SASL listener does (protocol.md section 9, KIP-152):
  * ApiVersions (any version) before authentication is forwarded to the broker and its answer returned, with
    SaslHandshake (17) and SaslAuthenticate (36) added when the broker does not list them;
  * SaslHandshake v0/v1 names a mechanism: an enabled one gets error 0 and the enabled list, any other gets
    UNSUPPORTED_SASL_MECHANISM (33) with the list, and the connection is closed;
  * SaslAuthenticate v0-v2 carries the tokens: PLAIN (RFC 4616) in one round trip, SCRAM-SHA-256/512 (RFC 5802,
    RFC 7677: salted, 4096 iterations, the client's proof checked against the stored key, the server signature
    returned) in two. Bad credentials get SASL_AUTHENTICATION_FAILED (58) with Kafka's message, then the connection
    is closed;
  * any other request before authentication closes the connection, as Kafka does;
  * after success the raw byte stream is forwarded both ways to the broker.
Users and passwords come from the command line only. Prints nothing on stdout; one line per connection outcome on
stderr. Runs until SIGTERM or SIGINT.
"""
import argparse
import base64
import hashlib
import hmac
import os
import signal
import socket
import struct
import sys
import threading

SASL_HANDSHAKE, SASL_AUTHENTICATE, API_VERSIONS = 17, 36, 18
UNSUPPORTED_SASL_MECHANISM, ILLEGAL_SASL_STATE, SASL_AUTHENTICATION_FAILED = 33, 34, 58


def log(message):
    print(f"sasl_proxy: {message}", file=sys.stderr, flush=True)


# --- framing and primitives ------------------------------------------------------------------------------------------

class Closed(Exception):
    pass


def read_exact(sock, n):
    data = bytearray()
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise Closed()
        data += chunk
    return bytes(data)


def read_frame(sock):
    size = struct.unpack(">i", read_exact(sock, 4))[0]
    if size < 0 or size > 100 * 1024 * 1024:
        raise Closed()
    return read_exact(sock, size)


def send_frame(sock, payload):
    sock.sendall(struct.pack(">i", len(payload)) + payload)


def read_uvarint(data, offset):
    value, shift = 0, 0
    while True:
        byte = data[offset]
        offset += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, offset
        shift += 7


def uvarint(value):
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def skip_tagged_fields(data, offset):
    count, offset = read_uvarint(data, offset)
    for _ in range(count):
        _, offset = read_uvarint(data, offset)
        size, offset = read_uvarint(data, offset)
        offset += size
    return offset


def parse_request(frame):
    """Returns (api_key, api_version, correlation_id, body_offset) for request header v1 or v2."""
    api_key, api_version, correlation_id, client_id_length = struct.unpack(">hhih", frame[:10])
    offset = 10 + max(client_id_length, 0)
    flexible = (api_key == SASL_AUTHENTICATE and api_version >= 2) or (api_key == API_VERSIONS and api_version >= 3)
    if flexible:
        offset = skip_tagged_fields(frame, offset)
    return api_key, api_version, correlation_id, offset, flexible


# --- ApiVersions -----------------------------------------------------------------------------------------------------

def with_sasl_apis(body, version):
    """The broker's ApiVersions answer, with SaslHandshake 0-1 and SaslAuthenticate 0-2 added when missing."""
    error_code = struct.unpack(">h", body[:2])[0]
    if error_code != 0:
        return body
    flexible = version >= 3
    offset = 2
    if flexible:
        count, offset = read_uvarint(body, offset)
        count -= 1
    else:
        count = struct.unpack(">i", body[2:6])[0]
        offset = 6
    entries_start = offset
    keys = set()
    for _ in range(count):
        keys.add(struct.unpack(">h", body[offset:offset + 2])[0])
        offset += 6
        if flexible:
            offset = skip_tagged_fields(body, offset)
    missing = [(k, lo, hi) for k, lo, hi in ((SASL_HANDSHAKE, 0, 1), (SASL_AUTHENTICATE, 0, 2)) if k not in keys]
    if not missing:
        return body
    extra = b"".join(struct.pack(">hhh", *entry) + (b"\x00" if flexible else b"") for entry in missing)
    new_count = count + len(missing)
    head = body[:2] + (uvarint(new_count + 1) if flexible else struct.pack(">i", new_count))
    return head + body[entries_start:offset] + extra + body[offset:]


# --- SASL mechanisms -------------------------------------------------------------------------------------------------

class Scram:
    """The server side of SCRAM for one mechanism: credentials stored as Kafka stores them (salt, iterations,
    StoredKey, ServerKey), never the password."""

    def __init__(self, name, users, iterations):
        self.name = name
        self.hash = hashlib.sha256 if name == "SCRAM-SHA-256" else hashlib.sha512
        self.iterations = iterations
        self.credentials = {}
        for user, password in users.items():
            salt = os.urandom(16)
            salted = hashlib.pbkdf2_hmac(self.hash().name, password.encode(), salt, iterations)
            client_key = hmac.new(salted, b"Client Key", self.hash).digest()
            self.credentials[user] = (salt, self.hash(client_key).digest(), hmac.new(salted, b"Server Key", self.hash).digest())

    def failure(self):
        return f"Authentication failed during authentication due to invalid credentials with SASL mechanism {self.name}"


def parse_attributes(text):
    result = {}
    for part in text.split(","):
        if "=" in part:
            key, _, value = part.partition("=")
            result.setdefault(key, value)
    return result


def unescape_saslname(name):
    return name.replace("=2C", ",").replace("=3D", "=")


# --- one client connection -------------------------------------------------------------------------------------------

class Session:
    def __init__(self, client, peer, options):
        self.client = client
        self.peer = peer
        self.options = options
        self.upstream = None

    def connect_upstream(self):
        if self.upstream is None:
            host, port = self.options.upstream
            self.upstream = socket.create_connection((host, port))
            self.upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return self.upstream

    def respond(self, correlation_id, body, flexible_header=False):
        send_frame(self.client, struct.pack(">i", correlation_id) + (b"\x00" if flexible_header else b"") + body)

    def authenticate_response(self, version, correlation_id, error_code, message, auth_bytes):
        if version >= 2:
            encoded_message = b"\x00" if message is None else uvarint(len(message.encode()) + 1) + message.encode()
            body = struct.pack(">h", error_code) + encoded_message + uvarint(len(auth_bytes) + 1) + auth_bytes
            body += struct.pack(">q", 0) + b"\x00"
        else:
            encoded_message = struct.pack(">h", -1) if message is None else struct.pack(">h", len(message.encode())) + message.encode()
            body = struct.pack(">h", error_code) + encoded_message + struct.pack(">i", len(auth_bytes)) + auth_bytes
            if version >= 1:
                body += struct.pack(">q", 0)
        self.respond(correlation_id, body, flexible_header=version >= 2)

    def next_token(self, expected):
        """Reads the next SaslAuthenticate request; returns (version, correlation_id, auth_bytes)."""
        frame = read_frame(self.client)
        api_key, version, correlation_id, offset, flexible = parse_request(frame)
        if api_key != SASL_AUTHENTICATE:
            log(f"{self.peer}: {api_key} while waiting for SaslAuthenticate ({expected}): closing")
            raise Closed()
        if flexible:
            length, offset = read_uvarint(frame, offset)
            length -= 1
        else:
            length = struct.unpack(">i", frame[offset:offset + 4])[0]
            offset += 4
        return version, correlation_id, frame[offset:offset + length]

    def run(self):
        try:
            mechanism = self.handshake()
            if mechanism is None:
                return
            if not self.authenticate(mechanism):
                return
            self.forward()
        except (Closed, ConnectionError, OSError):
            pass
        finally:
            for sock in (self.client, self.upstream):
                if sock is not None:
                    try:
                        sock.close()
                    except OSError:
                        pass

    def handshake(self):
        while True:
            frame = read_frame(self.client)
            api_key, version, correlation_id, offset, flexible = parse_request(frame)
            if api_key == API_VERSIONS:
                upstream = self.connect_upstream()
                send_frame(upstream, frame)
                answer = read_frame(upstream)
                # ApiVersions answers always carry response header v0: the correlation id, then the body.
                send_frame(self.client, answer[:4] + with_sasl_apis(answer[4:], version))
            elif api_key == SASL_HANDSHAKE:
                length = struct.unpack(">h", frame[offset:offset + 2])[0]
                mechanism = frame[offset + 2:offset + 2 + length].decode()
                enabled = self.options.mechanisms
                listed = struct.pack(">i", len(enabled)) + b"".join(
                    struct.pack(">h", len(m)) + m.encode() for m in enabled)
                if mechanism not in enabled:
                    self.respond(correlation_id, struct.pack(">h", UNSUPPORTED_SASL_MECHANISM) + listed)
                    log(f"{self.peer}: mechanism {mechanism} is not enabled: closing")
                    return None
                self.respond(correlation_id, struct.pack(">h", 0) + listed)
                return mechanism
            else:
                log(f"{self.peer}: API {api_key} before authentication: closing")
                return None

    def authenticate(self, mechanism):
        users = self.options.users
        if mechanism == "PLAIN":
            version, correlation_id, token = self.next_token("PLAIN")
            parts = token.split(b"\x00")
            ok = False
            if len(parts) == 3:
                authzid, user, password = (p.decode("utf-8", "replace") for p in parts)
                ok = user in users and hmac.compare_digest(users[user].encode(), password.encode()) and authzid in ("", user)
            if not ok:
                self.authenticate_response(version, correlation_id, SASL_AUTHENTICATION_FAILED,
                                           "Authentication failed: Invalid username or password", b"")
                log(f"{self.peer}: PLAIN: bad credentials: closing")
                return False
            self.authenticate_response(version, correlation_id, 0, None, b"")
            log(f"{self.peer}: PLAIN: authenticated {user}")
            return True

        scram = self.options.scram[mechanism]
        version, correlation_id, token = self.next_token("client-first")
        client_first = token.decode("utf-8", "replace")
        gs2, _, bare = client_first.partition(",,")
        gs2 += ","
        attributes = parse_attributes(bare)
        user = unescape_saslname(attributes.get("n", ""))
        client_nonce = attributes.get("r", "")
        if gs2 not in ("n,", "y,") or not client_nonce or user not in scram.credentials:
            self.authenticate_response(version, correlation_id, SASL_AUTHENTICATION_FAILED, scram.failure(), b"")
            log(f"{self.peer}: {mechanism}: unknown user or bad client-first: closing")
            return False
        salt, stored_key, server_key = scram.credentials[user]
        nonce = client_nonce + base64.b64encode(os.urandom(18)).decode()
        server_first = f"r={nonce},s={base64.b64encode(salt).decode()},i={scram.iterations}"
        self.authenticate_response(version, correlation_id, 0, None, server_first.encode())

        version, correlation_id, token = self.next_token("client-final")
        client_final = token.decode("utf-8", "replace")
        without_proof, _, proof_text = client_final.rpartition(",p=")
        final_attributes = parse_attributes(without_proof)
        auth_message = f"{bare},{server_first},{without_proof}".encode()
        ok = False
        try:
            proof = base64.b64decode(proof_text, validate=True)
            client_signature = hmac.new(stored_key, auth_message, scram.hash).digest()
            client_key = bytes(a ^ b for a, b in zip(proof, client_signature))
            ok = (final_attributes.get("r") == nonce
                  and final_attributes.get("c") == base64.b64encode(gs2.encode() + b",").decode()
                  and len(proof) == len(stored_key)
                  and hmac.compare_digest(scram.hash(client_key).digest(), stored_key))
        except ValueError:
            ok = False
        if not ok:
            self.authenticate_response(version, correlation_id, SASL_AUTHENTICATION_FAILED, scram.failure(), b"")
            log(f"{self.peer}: {mechanism}: bad proof for {user}: closing")
            return False
        signature = hmac.new(server_key, auth_message, scram.hash).digest()
        self.authenticate_response(version, correlation_id, 0, None, b"v=" + base64.b64encode(signature))
        log(f"{self.peer}: {mechanism}: authenticated {user}")
        return True

    def forward(self):
        upstream = self.connect_upstream()

        def pump(source, target):
            try:
                while True:
                    data = source.recv(65536)
                    if not data:
                        break
                    target.sendall(data)
            except OSError:
                pass
            finally:
                for sock in (source, target):
                    try:
                        sock.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

        back = threading.Thread(target=pump, args=(upstream, self.client), daemon=True)
        back.start()
        pump(self.client, upstream)
        back.join()


def address(text):
    host, _, port = text.rpartition(":")
    return host, int(port)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--listen", type=address, required=True)
    parser.add_argument("--upstream", type=address, required=True)
    parser.add_argument("--user", action="append", default=[], help="NAME:PASSWORD (repeatable)")
    parser.add_argument("--mechanisms", default="PLAIN,SCRAM-SHA-256,SCRAM-SHA-512")
    parser.add_argument("--iterations", type=int, default=4096)
    options = parser.parse_args()
    options.users = dict(entry.split(":", 1) for entry in options.user)
    options.mechanisms = [m for m in options.mechanisms.split(",") if m]
    options.scram = {m: Scram(m, options.users, options.iterations) for m in options.mechanisms if m.startswith("SCRAM-")}

    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(options.listen)
    server.listen(128)

    def stop(*_):
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while True:
        client, peer = server.accept()
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=Session(client, f"{peer[0]}:{peer[1]}", options).run, daemon=True).start()


if __name__ == "__main__":
    main()
