/* The task_struct cache as kernel/fork.c creates it, then one object from it and back. */
struct kmem_cache *task_struct_cachep;
struct task_struct *tsk;

task_struct_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct), ARCH_MIN_TASKALIGN,
                                       SLAB_PANIC | SLAB_NOTRACK, NULL);
tsk = kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);
if (!tsk)
	return -ENOMEM;
kmem_cache_free(task_struct_cachep, tsk);
