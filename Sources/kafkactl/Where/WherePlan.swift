import AdminCore

/// What of a `--where` expression the broker side can do, so that less is fetched: the partitions that can hold a
/// match (a key's partition by the topic's partitioner, `partition == N`), and where to start and stop each
/// partition (bounds on `offset` and on `timestamp`, the latter turned into offsets with ListOffsets by time).
/// Every record read is still tested against the whole expression: the plan only leaves out what cannot match.
///
/// Bounds come from the top-level conjuncts only (`a and b and c`): under `or` or `not` a bound no longer bounds.
/// A time bound trusts timestamps to rise with offsets, as ListOffsets by time does: a record whose CreateTime is
/// earlier than a record before it may be left out.
struct WherePlan: Equatable {
    /// Keys the expression requires (`key == "K"`, `key in (...)`, joined by `or`), or nil when any key may match.
    var keys: [[UInt8]]?
    /// Partitions the expression requires, or nil.
    var partitions: Set<Int32>?
    var firstOffset: Int64?
    /// Exclusive.
    var endOffset: Int64?
    var firstTime: Int64?
    /// Exclusive.
    var endTime: Int64?

    init(_ predicate: RecordPredicate) {
        self.init(predicate.node, now: predicate.now)
    }

    init(_ node: WhereNode, now: Int64) {
        let candidates = Self.candidates(node)
        keys = candidates.keys
        partitions = candidates.partitions
        for conjunct in Self.conjuncts(node) {
            guard case .compare(let comparison, let left, let right, _) = conjunct,
                let (field, literal, normalized) = Self.fieldFirst(comparison, left, right)
            else { continue }
            switch field.kind {
            case .offset:
                guard case .number(let text) = literal.kind, let value = Int64(text) else { continue }
                apply(normalized, value, first: &firstOffset, end: &endOffset)
            case .timestamp:
                guard let value = Self.time(literal, now: now) else { continue }
                apply(normalized, value, first: &firstTime, end: &endTime)
            default:
                continue
            }
        }
    }

    /// The partitions of a topic with `partitionCount` partitions that can hold a match.
    func partitions(of partitionCount: Int, partitioner: KeyPartitioner?) -> Set<Int32>? {
        var result = partitions
        if let keys, let partitioner {
            var byKey: Set<Int32> = []
            for key in keys { byKey.insert(key.withUnsafeBytes { partitioner.partition(forKey: $0, partitionCount: partitionCount) }) }
            result = result.map { $0.intersection(byKey) } ?? byKey
        }
        return result
    }

    /// Whether the plan leaves anything out.
    var narrows: Bool { keys != nil || partitions != nil || firstOffset != nil || endOffset != nil || firstTime != nil || endTime != nil }

    private func apply(_ comparison: WhereComparison, _ value: Int64, first: inout Int64?, end: inout Int64?) {
        func raiseFirst(_ candidate: Int64) { first = max(first ?? candidate, candidate) }
        func lowerEnd(_ candidate: Int64) { end = min(end ?? candidate, candidate) }
        switch comparison {
        case .greaterOrEqual: raiseFirst(value)
        case .greater: raiseFirst(value &+ 1)
        case .less: lowerEnd(value)
        case .lessOrEqual: lowerEnd(value &+ 1)
        case .equal:
            raiseFirst(value)
            lowerEnd(value &+ 1)
        case .notEqual: break
        }
    }

    private static func conjuncts(_ node: WhereNode) -> [WhereNode] {
        if case .and(let left, let right) = node { return conjuncts(left) + conjuncts(right) }
        return [node]
    }

    /// The comparison with the field on the left and a literal on the right, or nil.
    private static func fieldFirst(_ comparison: WhereComparison, _ left: WhereOperand, _ right: WhereOperand)
        -> (WhereOperand, WhereOperand, WhereComparison)?
    {
        if left.isField && !right.isField { return (left, right, comparison) }
        if right.isField && !left.isField { return (right, left, comparison.flipped) }
        return nil
    }

    private static func time(_ literal: WhereOperand, now: Int64) -> Int64? { try? literal.timeMillis(now: now) }

    /// Keys and partitions a match must have, worked out through and/or; nil where the expression does not say.
    private static func candidates(_ node: WhereNode) -> (keys: [[UInt8]]?, partitions: Set<Int32>?) {
        switch node {
        case .and(let left, let right):
            let (l, r) = (candidates(left), candidates(right))
            let keys: [[UInt8]]? = switch (l.keys, r.keys) {
            case (nil, let only), (let only, nil): only
            case (let a?, let b?): a.filter { b.contains($0) }
            }
            let partitions: Set<Int32>? = switch (l.partitions, r.partitions) {
            case (nil, let only), (let only, nil): only
            case (let a?, let b?): a.intersection(b)
            }
            return (keys, partitions)
        case .or(let left, let right):
            let (l, r) = (candidates(left), candidates(right))
            // Each side must be bounded the same way for the union to bound anything.
            let keys: [[UInt8]]? = (l.keys != nil && r.keys != nil && l.partitions == nil && r.partitions == nil)
                ? l.keys! + r.keys! : nil
            let partitions: Set<Int32>? = (l.partitions != nil && r.partitions != nil && l.keys == nil && r.keys == nil)
                ? l.partitions!.union(r.partitions!) : nil
            return (keys, partitions)
        case .compare(.equal, let left, let right, _):
            guard let (field, literal, _) = fieldFirst(.equal, left, right) else { return (nil, nil) }
            return single(field, literal)
        case .isIn(let field, let list, false, _):
            var keys: [[UInt8]] = []
            var partitions: Set<Int32> = []
            for literal in list {
                let one = single(field, literal)
                if let key = one.keys { keys += key } else if let partition = one.partitions { partitions.formUnion(partition) } else { return (nil, nil) }
            }
            return keys.isEmpty ? (nil, partitions) : (partitions.isEmpty ? (keys, nil) : (nil, nil))
        default:
            return (nil, nil)
        }
    }

    private static func single(_ field: WhereOperand, _ literal: WhereOperand) -> (keys: [[UInt8]]?, partitions: Set<Int32>?) {
        switch (field.kind, literal.kind) {
        case (.key, .string(let text)): return ([Array(text.utf8)], nil)
        case (.partition, .number(let text)):
            guard let partition = Int32(text) else { return (nil, nil) }
            return (nil, [partition])
        default: return (nil, nil)
        }
    }
}
