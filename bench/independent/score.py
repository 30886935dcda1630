#!/usr/bin/env python3
"""Scan $INDEP_OUT (a corpus written by events/, apps/, faker/ or vectors/gen.py; default
bench/out/independent/events) with $PROXY (default bin/proxy) and score per type against its
truth.jsonl: a finding counts when file, path, type and the found
text all equal a labelled value (each label matches once). Findings inside a value labelled
_ignore at the same path are not scored. -v lists misses and false alarms."""
import collections, glob, json, os, subprocess, sys

OUT = os.environ.get('INDEP_OUT', 'bench/out/independent/events')
STRUCTURED = ['hkid', 'hk_phone', 'cn_mobile', 'cn_id', 'email', 'credit_card', 'ipv4']
files = sorted(glob.glob(OUT + '/*.json'))
p = subprocess.run([os.environ.get('PROXY', 'bin/proxy'), 'scan', '--show-values'] + files, capture_output=True, text=True)
if p.returncode != 0:
    print(p.stderr); sys.exit(1)
finds = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
for f in finds:
    f['file'] = os.path.basename(f['file'])
truth = [json.loads(l) for l in open(os.path.join(OUT, 'truth.jsonl'))]
ign = collections.defaultdict(list)
for t in truth:
    if t['type'] == '_ignore':
        ign[(t['file'], t['path'])].append(t['value'])
truth = [t for t in truth if t['type'] != '_ignore']
finds = [f for f in finds if not any(f['value'] in v for v in ign.get((f['file'], f['path']), ()))]

def key(r):
    return (r['file'], r['path'], r['type'], r['value'])

T = collections.Counter(key(t) for t in truth)
F = collections.Counter(key(f) for f in finds)
tp, miss, fa = T & F, T - F, F - T
types = sorted(set(k[2] for k in T) | set(k[2] for k in F), key=lambda t: (t not in STRUCTURED, t))
print(f"{'type':16} {'truth':>6} {'found':>6} {'tp':>6} {'recall':>8} {'prec':>8}")
def row(label, sel):
    nt = sum(v for k, v in T.items() if sel(k[2]))
    nf = sum(v for k, v in F.items() if sel(k[2]))
    ntp = sum(v for k, v in tp.items() if sel(k[2]))
    print(f"{label:16} {nt:6} {nf:6} {ntp:6} {100 * ntp / nt if nt else 100:8.2f} {100 * ntp / nf if nf else 100:8.2f}")
for ty in types:
    row(ty, lambda t, ty=ty: t == ty)
row('STRUCTURED', lambda t: t in STRUCTURED)
row('ALL', lambda t: True)
neg = [f for f in finds if f['file'].startswith('neg_')]
print('findings in neg docs:', len(neg))
byfp = collections.defaultdict(list)
for f in finds:
    byfp[(f['file'], f['path'])].append((f['type'], f['value'], f['score']))
if '-v' in sys.argv:
    print('\n== MISSES')
    for k in sorted(miss):
        print('MISS', k[2], repr(k[3]), k[0], k[1], 'found-here:', byfp.get((k[0], k[1]), []))
    print('\n== FALSE ALARMS')
    for k in sorted(fa):
        f = [x for x in finds if key(x) == k][0]
        print('FA  ', k[2], repr(k[3]), f['score'], k[0], k[1])
