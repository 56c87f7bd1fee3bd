/// Why a saved machine cannot be taken as it is: the document decoded, but its parts do not fit the machine its boot
/// parameters describe, or point outside it. Facts only; MMShell words them (`Catalog+SaveLoad.swift`).
public enum SavedStateProblem: Error, Sendable, Equatable {
    /// A part that booting the same parameters fixes (the RAM map, memblock, zone spans, counts) differs.
    case layout(part: String, saved: Int, booted: Int)
    /// A frame number, CPU number, index or count held somewhere in the document is outside its range.
    case outOfRange(part: String, value: Int, lower: Int, limit: Int)
    /// The frame runs do not tile the frames from 0 without gaps or overlaps.
    case frameRuns(atPFN: Int)
    /// A name the format does not know (a frame state or owner).
    case unknownName(part: String, name: String)
}
