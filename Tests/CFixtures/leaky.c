#include <linux/module.h>
#include <linux/slab.h>
#include <linux/gfp.h>

#define NR_BUFS 4


static unsigned long table;
static struct page *pages;

/* Allocate a buffer of n bytes, as a driver's helper would. */
static void *get_buf(size_t n)
{
	return kmalloc(n, GFP_KERNEL);
}

static int __init leaky_init(void)
{
	int i;
	void *keep = NULL;

	for (i = 0; i < NR_BUFS; i++) {
		void *b = get_buf(64 * (i + 1));
		if (!b)
			goto out;
		if (i == 2)
			keep = b;      /* forgotten: never freed */
		else
			kfree(b);
	}
	table = __get_free_pages(GFP_KERNEL, 1);
	if (!table)
		goto out;
	pages = alloc_pages(GFP_KERNEL, 2);
	pr_info("leaky: loaded, keep=%p\n", keep);
	return 0;
out:
	return -ENOMEM;
}

static void __exit leaky_exit(void)
{
	free_pages(table, 1);
	/* bug: pages is never freed, and neither is keep */
	pr_info("leaky: bye\n");
}

module_init(leaky_init);
module_exit(leaky_exit);
MODULE_LICENSE("GPL");
