#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/slab.h>

static DEFINE_SPINLOCK(dev_lock);
static void *buf;

static int __init atomic_init(void)
{
	spin_lock(&dev_lock);
	buf = kmalloc(256, GFP_KERNEL);   /* may sleep: wrong under a spinlock */
	spin_unlock(&dev_lock);
	if (!buf)
		return -ENOMEM;
	return 0;
}

static void __exit atomic_exit(void)
{
	kfree(buf);
}

module_init(atomic_init);
module_exit(atomic_exit);
MODULE_LICENSE("GPL");
