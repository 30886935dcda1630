package export

// pageTemplate is the self-contained HTML page: inline CSS, no script, no external resource.
// "head" ends inside the records table body; the staged rows follow; "foot" closes it.
const pageTemplate = `{{define "head"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{{.Title}}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","PingFang HK","Microsoft JhengHei",sans-serif;color:#1d232a;margin:0;background:#f5f6f8}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #d8dde3;padding-bottom:4px}
.sub{color:#56606b;margin:0 0 16px}
.card{background:#fff;border:1px solid #d8dde3;border-radius:6px;padding:14px 18px;margin:12px 0}
.ok{border-left:6px solid #2e7d32}.bad{border-left:6px solid #c62828}.note{border-left:6px solid #1565c0}
.verdict{font-size:18px;font-weight:600}.ok .verdict{color:#2e7d32}.bad .verdict{color:#c62828}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:8px 0}dt{color:#56606b}dd{margin:0}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
th,td{border:1px solid #d8dde3;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef1f4;position:sticky;top:0}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr.refused td{background:#fff4f4}tr.xb td{background:#fffbea}tr.sys td{color:#56606b;font-style:italic}
table.recs td{hyphens:none}table.recs td:nth-child(2){white-space:nowrap}table.recs td:nth-child(5){white-space:nowrap}
td.tok{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px;word-break:break-all}
small{color:#56606b}ul{margin:6px 0 6px 20px;padding:0}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px}
.empty{color:#56606b;font-style:italic}
@media print{body{background:#fff}main{max-width:none;padding:0}th{position:static}.card{break-inside:avoid}}
</style>
</head>
<body><main>
<h1>{{.Title}}</h1>
<p class="sub">DingTalk personal-data protection proxy · audit evidence for {{.Period}} · generated {{time .S.GeneratedAt}}</p>

<div class="card note">
<p><b>No personal data values are in this document or in the audit log it comes from.</b> {{.Statement}}</p>
<p>Context: the proxy sits between the organisation's in-house systems and DingTalk, whose servers are in mainland China. It identifies each calling system, allows only listed routes, detects personal data in requests and responses, and masks, redacts, tokenises, or blocks it according to the policy for the caller's role, before anything is forwarded. This bundle supports the organisation's accountability under the Personal Data (Privacy) Ordinance — security of personal data (DPP4), use limited to the purpose (DPP3), and transfers of personal data out of Hong Kong — and can be produced to the Privacy Commissioner (PCPD) or used when answering a data subject's request.</p>
</div>

<h2>1. Integrity of the audit log</h2>
<div class="card {{if .V.OK}}ok{{else}}bad{{end}}">
<p class="verdict">{{if .V.OK}}Verified: the log is complete and unaltered as far as it can be checked.{{else}}FAILED: the log has been altered or damaged.{{end}}</p>
{{with .V.Problem}}<p><b>First problem:</b> {{.Kind}} in {{.Segment}}{{if .Line}} at line {{.Line}}{{end}}{{if .Seq}} (record {{.Seq}}){{end}} — {{.Detail}}.{{if gt $.V.Anomalies 1}} {{$.V.Anomalies}} anomalies in total.{{end}}</p>{{end}}
<dl>
<dt>Replica</dt><dd>{{.V.Replica}}</dd>
<dt>Records in the log</dt><dd>{{.V.Records}} (sequence {{.V.FirstSeq}}–{{.V.LastSeq}}, {{time .V.FirstTime}} to {{time .V.LastTime}})</dd>
<dt>Hash chain</dt><dd>every record carries the SHA-256 hash of the one before it</dd>
<dt>Record MACs</dt><dd>{{if .V.MACChecked}}checked (HMAC-SHA-256){{else}}<b>not checked</b> (MAC key not available){{end}}</dd>
<dt>Signed checkpoints</dt><dd>{{.V.Checkpoints}}{{if .V.SignaturesChecked}}, signatures checked (Ed25519){{else}}, <b>signatures not checked</b>{{end}}; last at record {{.V.LastCheckpointSeq}}{{if .V.UnsignedTail}}; {{.V.UnsignedTail}} later record(s) not yet covered by a signature{{end}}</dd>
{{if .V.PublicKeySHA256}}<dt>Public key fingerprint</dt><dd><code>{{.V.PublicKeySHA256}}</code><br><small>compare with the fingerprint recorded when the proxy was set up (source: {{.V.PublicKeySource}})</small></dd>{{end}}
{{if .V.RetentionThroughSeq}}<dt>Retention</dt><dd>records 1–{{.V.RetentionThroughSeq}} were deleted by the retention policy (recorded in the log)</dd>{{end}}
{{if .V.Recoveries}}<dt>Crash recoveries</dt><dd>{{.V.Recoveries}} (an incomplete final record was set aside and noted)</dd>{{end}}
</dl>
{{with .V.Warnings}}<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>{{end}}
</div>

<h2>2. Scope of this bundle</h2>
<div class="card"><dl>
<dt>Period</dt><dd>{{.Period}}</dd>
{{with .S.Filters.Caller}}<dt>Calling system</dt><dd>{{.}}</dd>{{end}}
{{with .S.Filters.Route}}<dt>Route</dt><dd>{{.}}</dd>{{end}}
{{with .S.Filters.Token}}<dt>Data subject token</dt><dd><code>{{.}}</code> (a pseudonym; the vault maps it to the person under separate access control)</dd>{{end}}
<dt>Records selected</dt><dd>{{.S.Matched}} of {{.S.Scanned}} ({{.S.Calls}} calls){{if .S.Matched}}, {{time .S.FirstTime}} to {{time .S.LastTime}}{{end}}</dd>
</dl></div>

<h2>3. Summary</h2>
<div class="grid">
<div><h3>Calls by route and role</h3>
{{if .S.ByRouteRole}}<table><tr><th>Route</th><th>Role</th><th class="n">Calls</th></tr>
{{range .S.ByRouteRole}}<tr><td>{{.Route}}</td><td>{{.Role}}</td><td class="n">{{.Calls}}</td></tr>
{{end}}</table>{{else}}<p class="empty">No calls.</p>{{end}}</div>
<div><h3>Personal data detected, by type</h3>
{{if .S.Detections}}<table><tr><th>Type</th><th class="n">Items</th></tr>
{{range .S.Detections}}<tr><td>{{with typeName .Name}}{{.}} <small>({{end}}{{.Name}}{{if typeName .Name}})</small>{{end}}</td><td class="n">{{.N}}</td></tr>
{{end}}</table>{{else}}<p class="empty">No personal data detected.</p>{{end}}</div>
<div><h3>What was done to it</h3>
{{if .S.Actions}}<table><tr><th>Action</th><th class="n">Items</th></tr>
{{range .S.Actions}}<tr><td><b>{{.Name}}</b>{{with action .Name}}<br><small>{{.}}</small>{{end}}</td><td class="n">{{.N}}</td></tr>
{{end}}</table>{{else}}<p class="empty">No actions.</p>{{end}}</div>
<div><h3>Cross-border flows</h3>
{{if .S.CrossBorder}}<table><tr><th>Direction</th><th>Upstream (region)</th><th class="n">Calls</th><th class="n">Personal data items</th></tr>
{{range .S.CrossBorder}}<tr><td>{{.Direction}}</td><td>{{.Upstream}} ({{.Region}})</td><td class="n">{{.Calls}}</td><td class="n">{{.PIIItems}}</td></tr>
{{end}}</table><p><small>Calls whose personal data left Hong Kong (requests to an upstream outside Hong Kong) or came back across the border. The actions table shows whether it travelled masked, tokenised or in clear.</small></p>{{else}}<p class="empty">No personal data crossed the border.</p>{{end}}</div>
<div><h3>Calls not forwarded</h3>
{{if .S.Blocked}}<table><tr><th>Route</th><th>Decision</th><th>Reason</th><th class="n">Calls</th></tr>
{{range .S.Blocked}}<tr><td>{{.Route}}</td><td>{{.Decision}}{{with decision .Decision}}<br><small>{{.}}</small>{{end}}</td><td>{{.Reason}}</td><td class="n">{{.Calls}}</td></tr>
{{end}}</table>{{else}}<p class="empty">Every call was forwarded.</p>{{end}}</div>
<div><h3>Calls by calling system</h3>
{{if .S.Callers}}<table><tr><th>Caller</th><th class="n">Calls</th></tr>
{{range .S.Callers}}<tr><td>{{.Name}}</td><td class="n">{{.N}}</td></tr>
{{end}}</table>{{else}}<p class="empty">No calls.</p>{{end}}</div>
</div>

<h2>4. Records</h2>
<p><small>One row per proxied call (and per erasure, recovery or retention event). Yellow rows crossed the border; red rows were refused. "Detected" counts items per type, never their values; tokens are pseudonyms.</small></p>
<table class="recs">
<thead><tr><th>#</th><th>Time (UTC)</th><th>Request</th><th>Caller / roles</th><th>Route</th><th>Direction</th><th>Upstream</th><th>Cross-border</th><th>Client</th><th>Status</th><th>Decision</th><th>Detected</th><th>Actions</th><th>Tokens / details</th><th>ms</th></tr></thead>
<tbody>
{{end}}{{define "foot"}}</tbody>
</table>

<h2>5. Terms</h2>
<div class="card"><dl>
<dt>forwarded</dt><dd>{{decision "forwarded"}}</dd>
<dt>blocked</dt><dd>{{decision "blocked"}}</dd>
<dt>denied</dt><dd>{{decision "denied"}}</dd>
<dt>unauthenticated</dt><dd>{{decision "unauthenticated"}}</dd>
<dt>error</dt><dd>{{decision "error"}}</dd>
<dt>cross-border</dt><dd>personal data went to, or came from, a system outside Hong Kong (DingTalk's servers are in mainland China), or was sent to a client outside Hong Kong</dd>
<dt>token</dt><dd>a pseudonym (tok_&lt;type&gt;_…) that replaces a value; only the vault can map it back, and only for entitled roles</dd>
<dt>checkpoint</dt><dd>a record signed with the proxy's private key that vouches for every record before it</dd>
</dl></div>
</main></body></html>
{{end}}`
