// The contract between the line editor and the (pure Swift) completer that lives in MMShell.

/// The completer's answer for the text before the cursor.
public struct Completion: Equatable, Sendable {
    /// How many characters before the cursor the chosen candidate replaces (usually the partial word).
    public var replaceCount: Int
    /// Full replacements for those characters; empty when nothing matches.
    public var candidates: [String]

    public init(replaceCount: Int, candidates: [String]) {
        self.replaceCount = replaceCount
        self.candidates = candidates
    }
}

/// Computes completions for the text before the cursor. Called on Tab.
public typealias CompletionProvider = (_ lineBeforeCursor: String) -> Completion
