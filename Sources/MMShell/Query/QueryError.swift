/// What went wrong in an expression, and where: `column` counts from 1 in the expression text (the shell adds the
/// offset of the expression in the line). The text is a catalog message (Catalog+QueryErrors.swift).
public struct QueryError: Error, Sendable, Equatable {
    public var text: Message
    public var column: Int
    /// The English text (lesson diagnostics, tests); the shell shows `text` in the session's language.
    public var message: String { text.en }
    public init(_ text: Message, column: Int) {
        self.text = text
        self.column = column
    }
    /// Text that is the same in both languages (a name, a value); sentences go through the catalog.
    public init(_ verbatim: String, column: Int) {
        self.init(Message(verbatim: verbatim), column: column)
    }
}
