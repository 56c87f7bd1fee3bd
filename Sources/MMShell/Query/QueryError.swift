/// What went wrong in an expression, and where: `column` counts from 1 in the expression text (the shell adds the
/// offset of the expression in the line).
public struct QueryError: Error, Sendable, Equatable {
    public var message: String
    public var column: Int
    public init(_ message: String, column: Int) {
        self.message = message
        self.column = column
    }
}
