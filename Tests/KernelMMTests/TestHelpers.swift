struct UnexpectedNil: Error, CustomStringConvertible {
    var description: String
}

/// `#require` cannot wrap a mutating call; this can.
func unwrap<T>(_ v: T?, _ what: String = "value", sourceLocation: StaticString = #fileID, line: Int = #line) throws -> T {
    guard let v else { throw UnexpectedNil(description: "\(what) was nil at \(sourceLocation):\(line)") }
    return v
}
