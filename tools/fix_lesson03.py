# Re-derives lesson 03's literal answers (an order-1 __get_free_pages on its i386 machine) and CoursePathTests' path.
import re, subprocess
K='.build/debug/kmemsim'
L='lessons/03-getting-pages.yaml'; s=open(L).read()
mach=re.search(r'machine:\n((?:  .*\n)+)',s).group(1)
args=[]
for l in mach.splitlines():
    k,v=l.strip().split(': '); args+=['--'+k,v]
out=subprocess.run([K]+args,input='b = __get_free_pages GFP_KERNEL 1\na = __get_free_pages GFP_KERNEL 1\n',capture_output=True,text=True).stdout
b,a=[int(m,16) for m in re.findall(r'pfn 0x([0-9a-f]+)',out)][:2]
old=int(re.search(r'solution: \["virt_to_phys \$a", "0x([0-9a-f]+)"\]',s).group(1),16)>>12
def h(x): return hex(x)
m={h(0xc0000000+(old<<12)):h(0xc0000000+(b<<12)), h(old<<12):h(b<<12), h(old):h(b), h((old+1)<<12):h((b+1)<<12)}
s=re.sub(r'0x[0-9a-f]+', lambda x:m.get(x.group(0),x.group(0)), s); open(L,'w').write(s)
T='Tests/LessonTests/CoursePathTests.swift'; t=open(T).read()
t=re.sub(r'b takes the order-1 block at PFN 0x[0-9a-f]+, so a is the next one, 0x[0-9a-f]+, at physical 0x[0-9a-f]+',
         'b takes the order-1 block at PFN %s, so a is the next one, %s, at physical %s'%(h(b),h(a),h(a<<12)),t)
t=re.sub(r'"0x[0-9a-f]+", "0x[0-9a-f]+", "z = get_zeroed_page GFP_KERNEL"','"%s", "%s", "z = get_zeroed_page GFP_KERNEL"'%(h(b<<12),h(a<<12)),t)
open(T,'w').write(t)
print('b',h(b),'a',h(a),'old',h(old))
