/* Virtually contiguous memory, and a per-CPU unsigned long. */
char *buf;
unsigned long *percpu;

buf = vmalloc(16 * PAGE_SIZE);
if (!buf)
	return -ENOMEM;
vfree(buf);

percpu = alloc_percpu(unsigned long);
if (!percpu)
	return -ENOMEM;
free_percpu(percpu);
