/// lib/ratelimit.c ___ratelimit(): at most `burst` messages per `interval`; the first call of a new interval reports how
/// many were missed in the one before.
struct Ratelimit: Sendable, Equatable {
    let interval: UInt64
    let burst: Int
    var begin: UInt64? = nil
    var printed = 0
    var missed = 0
    /// Set by `check`: whether this call may print.
    var allowed = true

    /// Counts one call at `now`; returns the number suppressed in the interval that just ended, if that is to be said.
    mutating func check(now: UInt64) -> Int? {
        var said: Int?
        if begin == nil { begin = now }
        if let b = begin, now > b &+ interval {
            if missed > 0 { said = missed; missed = 0 }
            begin = now
            printed = 0
        }
        if burst > printed { printed += 1; allowed = true } else { missed += 1; allowed = false }
        return said
    }
}
