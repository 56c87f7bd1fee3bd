# Re-derives lesson 01's literal answers (the first page's pfn on its 1 GiB x86_64 2-CPU machine) and
# CoursePathTests' path, after a change to boot moves the first free page.
import re, subprocess, sys
K='.build/debug/kmemsim'
out=subprocess.run([K,'--arch','x86_64','--mem','1G','--cpus','2'],input='p = alloc_page GFP_KERNEL\nx = alloc_page GFP_KERNEL\n',capture_output=True,text=True).stdout
pfns=[int(m,16) for m in re.findall(r'pfn 0x([0-9a-f]+)',out)]
p,q=pfns[0],pfns[1]
V=0xffffea0000000000
def h(x): return hex(x)
L='lessons/01-pages.yaml'; s=open(L).read()
# the values the lesson uses, found by their roles
old_p=re.search(r'solution: \["\? hex\(page\(\$p\)\.phys\)", "(0x[0-9a-f]+)"\]',s).group(1)
op=int(old_p,16)
m={'"%s"'%h(op<<12):'"%s"'%h(p<<12), '"%s"'%h(op):'"%s"'%h(p), '"%s"'%h(op<<8):'"%s"'%h(p<<8), '"%s"'%h(op+1):'"%s"'%h(p+1),
   '"%s"'%h(V+op*64+1):'"%s"'%h(V+p*64+1), '"%s"'%h(V+op*64+0x1000):'"%s"'%h(V+p*64+0x1000), '"%s"'%h(V+op*64):'"%s"'%h(V+p*64), '"%s"'%h(V+op*64+64):'"%s"'%h(V+p*64+64)}
s=re.sub('|'.join(re.escape(k) for k in m), lambda x:m[x.group(0)], s); open(L,'w').write(s)
T='Tests/LessonTests/CoursePathTests.swift'; t=open(T).read()
t=re.sub(r'x takes PFN 0x[0-9a-f]+ off the per-CPU list, so p is 0x[0-9a-f]+','x takes PFN %s off the per-CPU list, so p is %s'%(h(p),h(q)),t)
t=re.sub(r'"p = alloc_page GFP_KERNEL",\n(\s+)"0x[0-9a-f]+", "0x[0-9a-f]+", "next", "0x[0-9a-f]+"', lambda mm:'"p = alloc_page GFP_KERNEL",\n%s"%s", "%s", "next", "%s"'%(mm.group(1),h(p),h(q),h(V+q*64+64)),t)
open(T,'w').write(t)
print('first pfn', h(p), 'was', old_p)
