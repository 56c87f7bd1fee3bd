import KernelMM
