// KernelMM: the simulated Linux 6.6 memory manager. Pure Swift; no I/O, no printing.
