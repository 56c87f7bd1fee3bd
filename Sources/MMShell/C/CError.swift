/// What went wrong in C code, with where. Rendered (in English or Korean) by `CMessages`.
public enum CErrorKind: Sendable, Equatable, Error {
    case unexpectedCharacter(String)
    case unterminatedComment
    case unterminatedString
    case badNumber(String)
    case badDirective(String)
    case functionMacro(String)
    case expected(String, found: String)
    case expectedExpression(found: String)
    case expectedType(found: String)
    case notModelledSyntax(String)
    case undeclared(String, suggestion: String?)
    case redeclared(String)
    case notAFunction(String)
    case unmodelledFunction(String, suggestion: String?)
    case wrongArgumentCount(function: String, expected: Int, got: Int)
    case dereference(CDereference)
    case sizeofVoid
    case sizeofFunction(String)
    case incompleteStruct(String, known: [String])
    case opaqueStruct(String)
    case noSuchMember(struct: String, member: String, members: [String])
    case recursiveStruct(String)
    case notAssignable(String)
    case divisionByZero
    case badOperands(op: String, left: String, right: String)
    case stepLimit(Int)
    case callDepth(Int)
    case nestedTooDeeply(Int)
    case breakOutsideLoop(String)
    case undefinedLabel(String)
    case returnAtPrompt
    case commandFailed(String)
    case moduleError(String)
}

/// What a piece of C code tried to read or write that kmemsim does not model (the bytes behind a pointer).
public enum CDereference: Sendable, Equatable {
    /// memcpy, memset, strcpy…: the bytes of memory.
    case memoryFunction(String)
    case structVariable(type: String, name: String)
    case arrayVariable(declaration: String)
    case addressOf
    case throughPointer(String)
    case member(op: String, member: String, type: String)
    case indexing
}

public struct CError: Error, Sendable, Equatable {
    public var kind: CErrorKind
    public var position: CPosition
    init(_ kind: CErrorKind, at position: CPosition) {
        self.kind = kind
        self.position = position
    }
}
