/* Objects from the kmalloc caches: one struct, then a buffer in atomic context. */
struct dog {
	unsigned long weight;
	char name[20];
	struct list_head list;
};
struct dog *p;
char *buf;

p = kmalloc(sizeof(struct dog), GFP_KERNEL);
if (!p) {
	/* handle the error */
	return -ENOMEM;
}
buf = kmalloc(512, GFP_ATOMIC);
if (!buf)
	return -ENOMEM;
kfree(buf);
kfree(p);
