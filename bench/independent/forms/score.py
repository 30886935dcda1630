#!/usr/bin/env python3
"""Scan $INDEP_OUT (default bench/out/independent/forms) with $PROXY (default bin/proxy) and
score per type against its truth.tsv; rows marked soft are debatable labels. -v lists misses."""
import json, sys, subprocess, os, collections, glob
OUT = os.environ.get('INDEP_OUT', 'bench/out/independent/forms')
files = sorted(glob.glob(OUT + '/*.json'))
res = subprocess.run([os.environ.get('PROXY', 'bin/proxy'), 'scan', '--show-values'] + files, capture_output=True, text=True)
if res.returncode: print(res.stderr); sys.exit(1)
finds = collections.defaultdict(list)
for line in res.stdout.splitlines():
    d = json.loads(line); finds[(os.path.basename(d['file']), d['path'])].append(d)
truth = collections.defaultdict(list)
for line in open(os.path.join(OUT, 'truth.tsv')):
    f, p, t, v, k = line.rstrip('\n').split('\t'); truth[(f, p)].append((t, v, k))
tp = collections.Counter(); fn = collections.Counter(); fp = collections.Counter(); softfn = collections.Counter()
misses, fas, partial = [], [], []
for key in set(truth) | set(finds):
    F = list(finds.get(key, [])); used = [False] * len(F)
    for t, v, k in truth.get(key, []):
        j = next((i for i, d in enumerate(F) if not used[i] and d['type'] == t and d['value'] == v), None)
        if j is None:
            j = next((i for i, d in enumerate(F) if not used[i] and d['type'] == t and (d['value'] in v or v in d['value'])), None)
            if j is not None: partial.append((key, t, v, F[j]['value']))
        if j is None:
            other = [d['type'] + ':' + d['value'] for i, d in enumerate(F) if not used[i] and (d['value'] in v or v in d['value'])]
            if k == 'soft': softfn[t] += 1
            else: fn[t] += 1
            misses.append((k, key, t, v, other))
        else: used[j] = True; tp[t] += 1
    for i, d in enumerate(F):
        if not used[i]: fp[d['type']] += 1; fas.append((key, d['type'], d['value'], d['score']))
types = sorted(set(tp) | set(fn) | set(fp) | set(softfn))
print(f'{"type":16} {"tp":>5} {"fn":>4} {"sfn":>4} {"fp":>4} {"recall":>8} {"prec":>8}')
T = [0, 0, 0]
for t in types:
    r = tp[t] / (tp[t] + fn[t] + softfn[t]) if tp[t] + fn[t] + softfn[t] else 1; p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 1
    print(f'{t:16} {tp[t]:5} {fn[t]:4} {softfn[t]:4} {fp[t]:4} {r*100:8.2f} {p*100:8.2f}')
    T[0] += tp[t]; T[1] += fn[t] + softfn[t]; T[2] += fp[t]
print(f'{"ALL":16} {T[0]:5} {T[1]:4}      {T[2]:4} {T[0]/(T[0]+T[1])*100:8.2f} {T[0]/(T[0]+T[2])*100:8.2f}')
hn = sum(len(v) for k, v in finds.items() if 'hardneg' in k[0]); print('hard-negative findings:', hn)
if '-v' in sys.argv:
    print('\n== MISSES'); [print(*m, sep=' | ') for m in sorted(misses)]
    print('\n== FALSE ALARMS'); [print(*m, sep=' | ') for m in sorted(fas)]
    print('\n== PARTIAL'); [print(*m, sep=' | ') for m in sorted(partial)]
