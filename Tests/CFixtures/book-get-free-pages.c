/* Eight physically contiguous pages from the page allocator, and back. */
unsigned long page;

page = __get_free_pages(GFP_KERNEL, 3);
if (!page) {
	/* out of memory: the caller has to cope */
	return -ENOMEM;
}
/* page is the address of the first of 2^3 pages */
free_pages(page, 3);
