/* struct page * first, then its address in the direct map. */
struct page *page;
void *addr;

page = alloc_pages(GFP_KERNEL, 2);
if (!page)
	return -ENOMEM;
addr = page_address(page);
__free_pages(page, 2);
