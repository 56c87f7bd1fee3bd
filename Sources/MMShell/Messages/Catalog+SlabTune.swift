/// What `slabinfo_write` says when the kernel refuses the tunables.
extension Message {
    static var slabinfoReadOnlyWithSLUB: Message {
        Message(en: "/proc/slabinfo is read-only with SLUB (the write fails with -EIO): SLUB has no array caches to tune. Boot with slab=slab to try it.",
                ko: "SLUB에서는 /proc/slabinfo가 읽기 전용입니다(쓰기는 -EIO로 실패합니다). SLUB에는 조정할 array cache가 없습니다. 해 보려면 slab=slab으로 부팅하세요.")
    }

    static func slabTunablesInvalid(limit: Int, batchcount: Int, shared: Int) -> Message {
        Message(en: "-EINVAL: the tunables need limit >= 1, 1 <= batchcount <= limit and shared >= 0 (got limit \(limit), batchcount \(batchcount), shared \(shared))",
                ko: "-EINVAL: tunables는 limit >= 1, 1 <= batchcount <= limit, shared >= 0이어야 합니다(입력: limit \(limit), batchcount \(batchcount), shared \(shared)).")
    }
}
