/* An error path as kernel code writes it: undo in reverse order, one label per step. */
static int setup_buffers(int fail_second)
{
	void *a, *b;
	int ret = -ENOMEM;

	a = kmalloc(128, GFP_KERNEL);
	if (!a)
		goto out;
	if (fail_second)
		b = NULL;
	else
		b = vmalloc(8192);
	if (!b)
		goto free_a;
	vfree(b);
	ret = 0;
free_a:
	kfree(a);
out:
	return ret;
}

int ok = setup_buffers(0);
int err = setup_buffers(1);
