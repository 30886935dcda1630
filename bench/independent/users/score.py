#!/usr/bin/env python3
"""Scan $INDEP_OUT (default bench/out/independent/users) with $PROXY (default bin/proxy) and
score per type against its truth.jsonl. -v lists misses and false alarms."""
import json, subprocess, os, sys, collections, glob

OUT = os.environ.get('INDEP_OUT', 'bench/out/independent/users')
files = sorted(glob.glob(OUT + '/*.json'))
p = subprocess.run([os.environ.get('PROXY', 'bin/proxy'), 'scan', '--show-values'] + files, capture_output=True, text=True)
if p.returncode != 0:
    print(p.stderr); sys.exit(1)
finds = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
truth = [json.loads(l) for l in open(os.path.join(OUT, 'truth.jsonl'))]
ign = {(t['file'], t['path']) for t in truth if t['type'] == '_ignore'}
truth = [t for t in truth if t['type'] != '_ignore']
finds = [f for f in finds if (os.path.basename(f['file']), f['path']) not in ign]
if len(sys.argv) > 2: os.environ['X'] = ''

def key(r):
    return (os.path.basename(r['file']), r['path'], r['type'], r['value'])

T = collections.Counter(key(t) for t in truth)
F = collections.Counter(key(f) for f in finds)
tp = T & F
miss = T - F
fa = F - T
types = sorted(set(k[2] for k in T) | set(k[2] for k in F))
print(f"{'type':16} {'truth':>6} {'found':>6} {'tp':>6} {'recall':>8} {'prec':>8}")
for ty in types:
    nt = sum(v for k, v in T.items() if k[2] == ty)
    nf = sum(v for k, v in F.items() if k[2] == ty)
    ntp = sum(v for k, v in tp.items() if k[2] == ty)
    print(f"{ty:16} {nt:6} {nf:6} {ntp:6} {100*ntp/nt if nt else 100:8.2f} {100*ntp/nf if nf else 100:8.2f}")
nt, nf, ntp = sum(T.values()), sum(F.values()), sum(tp.values())
print(f"{'ALL':16} {nt:6} {nf:6} {ntp:6} {100*ntp/nt:8.2f} {100*ntp/nf:8.2f}")
neg = [f for f in finds if os.path.basename(f['file']).startswith('neg_')]
print('findings in neg docs:', len(neg))
# findings by (file,path) to explain misses
byfp = collections.defaultdict(list)
for f in finds:
    byfp[(os.path.basename(f['file']), f['path'])].append((f['type'], f['value'], f['score']))
if '-v' in sys.argv:
    print('\n== MISSES')
    for k in sorted(miss):
        print('MISS', k[2], repr(k[3]), k[0], k[1], 'found-here:', byfp.get((k[0], k[1]), []))
    print('\n== FALSE ALARMS')
    for k in sorted(fa):
        f = [x for x in finds if key(x) == k][0]
        print('FA  ', k[2], repr(k[3]), f['score'], k[0], k[1])
