/// `copy --where`: which source records are copied. The expression travels in the checkpoint, so that a resume can
/// insist on the same one; `matches` is its compiled test (kafkactl's `--where` language, evaluated on the raw record).
public struct CopyFilter: Sendable {
    public var expression: String
    public var matches: @Sendable (RecordView, Int32) -> Bool

    public init(expression: String, matches: @escaping @Sendable (RecordView, Int32) -> Bool) {
        self.expression = expression
        self.matches = matches
    }
}
