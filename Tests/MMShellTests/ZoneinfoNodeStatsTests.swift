@testable import MMShell
import Testing

/// Issue 14: /proc/zoneinfo's per-node stats are the names, in the order, that a real kernel prints. The list is that of
/// reference/realkernel/6.1.0-57-amd64-1G-2/before/zoneinfo; 6.6 prints the same (mm/vmstat.c vmstat_text, with
/// CONFIG_NUMA_BALANCING's pgpromote_* at the end), and 6.12 only adds counters of later versions.
@Suite struct ZoneinfoNodeStatsTests {
    static let real61 = ["nr_inactive_anon","nr_active_anon","nr_inactive_file","nr_active_file","nr_unevictable","nr_slab_reclaimable","nr_slab_unreclaimable","nr_isolated_anon","nr_isolated_file","workingset_nodes","workingset_refault_anon","workingset_refault_file","workingset_activate_anon","workingset_activate_file","workingset_restore_anon","workingset_restore_file","workingset_nodereclaim","nr_anon_pages","nr_mapped","nr_file_pages","nr_dirty","nr_writeback","nr_writeback_temp","nr_shmem","nr_shmem_hugepages","nr_shmem_pmdmapped","nr_file_hugepages","nr_file_pmdmapped","nr_anon_transparent_hugepages","nr_vmscan_write","nr_vmscan_immediate_reclaim","nr_dirtied","nr_written","nr_throttled_written","nr_kernel_misc_reclaimable","nr_foll_pin_acquired","nr_foll_pin_released","nr_kernel_stack","nr_page_table_pages","nr_sec_page_table_pages","nr_swapcached","pgpromote_success","pgpromote_candidate"]

    @Test func perNodeStatsAreTheKernelsInItsOrder() throws {
        var sh = try Shell()
        let text = sh.execute("cat zoneinfo").stdout
        var names: [String] = []
        var inNode = false
        for line in text.split(separator: "\n") {
            if line.contains("per-node stats") { inNode = true; continue }
            if line.contains("pages free") { break }
            if inNode, let first = line.split(separator: " ").first { names.append(String(first)) }
        }
        #expect(names == Self.real61)
    }
}
