import AdminCore
import NIOCore

/// Kafka's LineMessageReader: `[<headers><headers.delimiter>][<key><key.separator>]<value>` per line, with
/// the reader properties of `kafka-console-producer.sh --property`. Immutable once made (the compiled regex
/// included), so sharing it between tasks is safe.
struct LineRecordParser: RecordParsing, @unchecked Sendable {
    var parseKey = false
    var keySeparator: [UInt8] = Array("\t".utf8)
    var parseHeaders = false
    var headersDelimiter: [UInt8] = Array("\t".utf8)
    var headersSeparator = ","
    var headersKeySeparator: [UInt8] = Array(":".utf8)
    var nullMarker: [UInt8]?
    var ignoreError = false
    private var headersSeparatorRegex: Regex<AnyRegexOutput>?

    /// Reads the reader properties, checking them as Kafka does at start-up.
    init(properties: [String: String]) throws {
        // Java's trim().equalsIgnoreCase("true").
        func flag(_ key: String) -> Bool { properties[key]?.trimmingCharacters(in: " ").lowercased() == "true" }
        parseKey = flag("parse.key")
        parseHeaders = flag("parse.headers")
        ignoreError = flag("ignore.error")
        if let value = properties["key.separator"] { keySeparator = Array(value.utf8) }
        if let value = properties["headers.delimiter"] { headersDelimiter = Array(value.utf8) }
        if let value = properties["headers.separator"] { headersSeparator = value }
        if let value = properties["headers.key.separator"] { headersKeySeparator = Array(value.utf8) }
        if let value = properties["null.marker"], !value.isEmpty { nullMarker = Array(value.utf8) }
        for (name, value) in [("key.separator", keySeparator), ("headers.delimiter", headersDelimiter),
                              ("headers.key.separator", headersKeySeparator)] where value.isEmpty {
            throw KafkactlUsageError("\(name) must not be empty")
        }
        let separator = Array(headersSeparator.utf8)
        // Kafka checks these whether or not parse.headers is set.
        if headersDelimiter == separator { throw KafkactlUsageError("headers.delimiter and headers.separator may not be equal") }
        if headersDelimiter == headersKeySeparator { throw KafkactlUsageError("headers.delimiter and headers.key.separator may not be equal") }
        if separator == headersKeySeparator { throw KafkactlUsageError("headers.separator and headers.key.separator may not be equal") }
        if let nullMarker {
            for (name, value) in [("key.separator", keySeparator), ("headers.delimiter", headersDelimiter),
                                  ("headers.separator", separator), ("headers.key.separator", headersKeySeparator)]
            where value == nullMarker {
                throw KafkactlUsageError("null.marker and \(name) may not be equal")
            }
        }
        // Kafka splits headers with a regular expression; plain text is matched literally for speed.
        if headersSeparator.contains(where: { "\\^$.|?*+()[]{}".contains($0) }) {
            do { headersSeparatorRegex = try Regex(headersSeparator) } catch {
                throw KafkactlUsageError("headers.separator '\(headersSeparator)' is not a valid regular expression")
            }
        }
    }

    /// The record for one line; `partition` pins it when given.
    func record(line: ByteBuffer, number: Int, partition: Int32?) throws -> ProducerRecord {
        var rest = line
        var headers: [RecordHeader] = []
        if parseHeaders {
            if let index = find(headersDelimiter, in: rest) {
                let block = rest.readSlice(length: index - rest.readerIndex)!
                rest.moveReaderIndex(forwardBy: headersDelimiter.count)
                if !isNullMarker(block) { headers = try parseHeaderBlock(block, number: number) }
            } else if !ignoreError {
                throw RecordParseError(message: "No headers delimiter found on line number \(number): '\(String(buffer: line))'")
            }
        }
        var key: ByteBuffer?
        if parseKey {
            if let index = find(keySeparator, in: rest) {
                let keyBytes = rest.readSlice(length: index - rest.readerIndex)!
                rest.moveReaderIndex(forwardBy: keySeparator.count)
                key = isNullMarker(keyBytes) ? nil : keyBytes
            } else if !ignoreError {
                throw RecordParseError(message: "No key separator found on line number \(number): '\(String(buffer: line))'")
            }
        }
        let value: ByteBuffer? = isNullMarker(rest) ? nil : rest
        return ProducerRecord(key: key, value: value, headers: headers, partition: partition, source: number)
    }

    private func parseHeaderBlock(_ block: ByteBuffer, number: Int) throws -> [RecordHeader] {
        let text = String(buffer: block)
        var pairs: [Substring]
        if let regex = headersSeparatorRegex {
            pairs = text.split(separator: regex, omittingEmptySubsequences: false)
        } else {
            pairs = text.split(separator: headersSeparator, omittingEmptySubsequences: false)
        }
        // Java's Pattern.split drops trailing empty pieces (`a:1,` is one header), except of an empty input.
        if !text.isEmpty {
            while pairs.last?.isEmpty == true { pairs.removeLast() }
        }
        let keySeparator = String(decoding: headersKeySeparator, as: UTF8.self)
        return try pairs.map { pair in
            guard let range = pair.range(of: keySeparator) else {
                if ignoreError { return RecordHeader(key: String(pair), value: nil) }
                throw RecordParseError(message: "No header key separator found in pair '\(pair)' on line number \(number)")
            }
            let name = String(pair[..<range.lowerBound])
            if let nullMarker, Array(name.utf8) == nullMarker {
                throw RecordParseError(message: "Header keys should not be equal to the null marker '\(String(decoding: nullMarker, as: UTF8.self))' as they can't be null")
            }
            let valueText = pair[range.upperBound...]
            let value: ByteBuffer? = nullMarker.map { Array(valueText.utf8) == $0 } == true ? nil : ByteBuffer(string: String(valueText))
            return RecordHeader(key: name, value: value)
        }
    }

    private func isNullMarker(_ bytes: ByteBuffer) -> Bool {
        guard let nullMarker, bytes.readableBytes == nullMarker.count else { return false }
        return bytes.readableBytesView.elementsEqual(nullMarker)
    }

    /// The reader index at which `needle` first starts in `buffer`.
    private func find(_ needle: [UInt8], in buffer: ByteBuffer) -> Int? {
        let view = buffer.readableBytesView
        guard let first = needle.first else { return nil }
        var index = view.startIndex
        while let candidate = view[index...].firstIndex(of: first) {
            if view.endIndex - candidate >= needle.count && view[candidate..<candidate + needle.count].elementsEqual(needle) {
                return candidate
            }
            index = candidate + 1
        }
        return nil
    }
}

extension Substring {
    func range(of text: String) -> Range<Substring.Index>? {
        guard !text.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(text) { return index..<self.index(index, offsetBy: text.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
