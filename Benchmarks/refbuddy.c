/* A copy of ../shared/bench/refbuddy.c, kept so that Benchmarks/compare runs in a fresh clone (CI). */
/*
 * refbuddy: the performance floor for kmemsim's page allocator.
 *
 * A minimal array-based binary buddy allocator in C (no zones, no watermarks, no statistics):
 * lowest-order-first search, split into lower halves, merge with pfn ^ (1 << order).
 * It runs one randomized alloc/free trace and prints how long one operation takes.
 * kmemsim's benchmark runs the same trace on its own allocator and reports the ratio of the two,
 * measured in the same run, so the figure holds on a noisy machine.
 *
 * Build and run:  cc -O2 -o refbuddy refbuddy.c && ./refbuddy [FRAMES] [OPS] [SEED]
 * Defaults:       FRAMES = 1048576 (4 GiB of 4 KiB pages), OPS = 10000000, SEED = 88172645463325252
 *
 * The trace (reproduce it exactly to compare like with like):
 *   rng: xorshift64 (x ^= x << 13; x ^= x >> 7; x ^= x << 17), state starts at SEED, one draw per op.
 *   For each op, draw r. If no block is live, or (r & 3) < 2: allocate, else free.
 *   Allocate: k = (r >> 8) % 16; order = 0 if k < 8, 1 if k < 11, 2 if k < 13, 3 if k < 14,
 *             else (r >> 16) % 11. A failed allocation counts as an op and changes nothing.
 *             The new block is appended to the live array.
 *   Free:     i = (r >> 8) % live; free live[i] with its order; live[i] = last live; live shrinks by one.
 * Output: one line "frames=F ops=N fails=X live=L boot_ms=B ns_per_op=T bytes_per_frame=S".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define NR_ORDERS 11 /* orders 0..10, as MAX_ORDER = 10 (inclusive) in Linux 6.6 */

typedef struct {
    int32_t next, prev;
    int8_t order;
    uint8_t free;
} frame_t;

static frame_t *frames;
static int32_t head[NR_ORDERS];
static long nr_free[NR_ORDERS];
static long nr_frames;

static void list_add(int32_t p, int order) {
    frames[p].next = head[order];
    frames[p].prev = -1;
    if (head[order] >= 0) frames[head[order]].prev = p;
    head[order] = p;
    frames[p].free = 1;
    frames[p].order = (int8_t)order;
    nr_free[order]++;
}

static void list_del(int32_t p, int order) {
    if (frames[p].prev >= 0) frames[frames[p].prev].next = frames[p].next;
    else head[order] = frames[p].next;
    if (frames[p].next >= 0) frames[frames[p].next].prev = frames[p].prev;
    frames[p].free = 0;
    nr_free[order]--;
}

static int32_t alloc_block(int order) {
    for (int o = order; o < NR_ORDERS; o++) {
        int32_t p = head[o];
        if (p < 0) continue;
        list_del(p, o);
        while (o > order) { /* keep the lower half, free the upper half */
            o--;
            list_add(p + (1 << o), o);
        }
        frames[p].order = (int8_t)order;
        return p;
    }
    return -1;
}

static void free_block(int32_t p, int order) {
    while (order < NR_ORDERS - 1) {
        int32_t buddy = p ^ (1 << order);
        if (buddy >= nr_frames || !frames[buddy].free || frames[buddy].order != order) break;
        list_del(buddy, order);
        p &= ~(1 << order);
        order++;
    }
    list_add(p, order);
}

static uint64_t rng;
static inline uint64_t next_random(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static double elapsed_ns(struct timespec a, struct timespec b) {
    return (double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec);
}

int main(int argc, char **argv) {
    nr_frames = argc > 1 ? atol(argv[1]) : 1L << 20;
    long ops = argc > 2 ? atol(argv[2]) : 10000000;
    rng = argc > 3 ? strtoull(argv[3], NULL, 10) : 88172645463325252ull;

    struct timespec t0, t1, t2;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    frames = calloc((size_t)nr_frames, sizeof(frame_t));
    for (int o = 0; o < NR_ORDERS; o++) head[o] = -1;
    for (long p = 0; p + (1L << (NR_ORDERS - 1)) <= nr_frames; p += 1L << (NR_ORDERS - 1))
        list_add((int32_t)p, NR_ORDERS - 1);
    clock_gettime(CLOCK_MONOTONIC, &t1);

    int32_t *live = malloc(sizeof(int32_t) * (size_t)ops);
    int8_t *live_order = malloc((size_t)ops);
    long nr_live = 0, fails = 0;
    for (long i = 0; i < ops; i++) {
        uint64_t r = next_random();
        if (nr_live == 0 || (r & 3) < 2) {
            int k = (int)((r >> 8) % 16);
            int order = k < 8 ? 0 : k < 11 ? 1 : k < 13 ? 2 : k < 14 ? 3 : (int)((r >> 16) % NR_ORDERS);
            int32_t p = alloc_block(order);
            if (p < 0) { fails++; continue; }
            live[nr_live] = p;
            live_order[nr_live] = (int8_t)order;
            nr_live++;
        } else {
            long k = (long)((r >> 8) % (uint64_t)nr_live);
            free_block(live[k], live_order[k]);
            live[k] = live[nr_live - 1];
            live_order[k] = live_order[nr_live - 1];
            nr_live--;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t2);

    printf("frames=%ld ops=%ld fails=%ld live=%ld boot_ms=%.2f ns_per_op=%.1f bytes_per_frame=%zu\n",
           nr_frames, ops, fails, nr_live, elapsed_ns(t0, t1) / 1e6, elapsed_ns(t1, t2) / (double)ops,
           sizeof(frame_t));
    return 0;
}
