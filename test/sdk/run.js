#!/usr/bin/env node
'use strict';
// run.js drives the official DingTalk Node SDK through the PII proxy for the Go end-to-end
// test (internal/proxy/sdk_test.go). It fetches an app token through the proxy, makes the
// named calls in order and prints one JSON line per call:
//
//   {"call":"me","ok":true,"status":200,"body":{...}}
//   {"call":"batchsend","ok":false,"error":{"code":"role_not_allowed","statusCode":403,"data":{...}}}
//
// Usage:
//   node run.js --endpoint 127.0.0.1:PORT --key API_KEY --call me[,roster,batchsend]
//               [--token-key API_KEY] [--users id1,id2] [--fields code1,code2]
//               [--text "message"] [--agent N] [--robot CODE]
// --endpoint, --key and --call may come from PROXY_ENDPOINT, PROXY_API_KEY and SDK_CALL.
// Exit status: 0 when every line was printed (whatever the calls answered), 1 when the
// token could not be fetched, 2 on bad arguments.

const { newConfig, appToken, calls } = require('./calls');

const defaults = {
  endpoint: process.env.PROXY_ENDPOINT || '',
  key: process.env.PROXY_API_KEY || '',
  call: process.env.SDK_CALL || '',
  'token-key': '',
  'app-key': 'demo-app-key',
  'app-secret': 'demo-app-secret',
  users: '',
  fields: 'sys00-name,sys02-certNo,sys00-mobile',
  text: '',
  agent: '1',
  robot: 'dingFAKEROBOT',
};

function parseArgs(argv) {
  const opts = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !(m[1] in defaults)) {
      throw new Error(`unknown argument ${JSON.stringify(argv[i])}`);
    }
    let v = m[2];
    if (v === undefined) {
      if (i + 1 >= argv.length) {
        throw new Error(`--${m[1]} needs a value`);
      }
      v = argv[++i];
    }
    opts[m[1]] = v;
  }
  if (!/^[^\s/:]+:\d+$/.test(opts.endpoint)) {
    // A scheme here would make the SDK build "http://http//..." (API-NOTES §2.1).
    throw new Error('--endpoint must be host:port without a scheme');
  }
  if (!opts.key) {
    throw new Error('--key is required');
  }
  const names = opts.call.split(',').filter(Boolean);
  if (names.length === 0) {
    throw new Error(`--call is required (one or more of ${Object.keys(calls).join(', ')})`);
  }
  for (const n of names) {
    if (!(n in calls)) {
      throw new Error(`unknown call ${JSON.stringify(n)} (known: ${Object.keys(calls).join(', ')})`);
    }
  }
  const agent = Number(opts.agent);
  if (!Number.isSafeInteger(agent)) {
    throw new Error('--agent must be an integer');
  }
  return {
    endpoint: opts.endpoint,
    key: opts.key,
    tokenKey: opts['token-key'] || opts.key,
    appKey: opts['app-key'],
    appSecret: opts['app-secret'],
    names,
    agent,
    users: opts.users.split(',').filter(Boolean),
    fields: opts.fields.split(',').filter(Boolean),
    text: opts.text,
    robot: opts.robot,
  };
}

// describeError keeps what the SDK surfaces to an integration: the code and status it read
// from the proxy's (or DingTalk's) JSON error, and the parsed body.
function describeError(err) {
  return {
    code: err.code === undefined ? null : String(err.code),
    statusCode: err.statusCode === undefined ? null : err.statusCode,
    message: String(err.message || err),
    data: err.data === undefined ? null : err.data,
  };
}

function print(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`run.js: ${e.message}\n`);
    return 2;
  }
  let token;
  try {
    token = await appToken(newConfig(opts.endpoint, opts.tokenKey), opts.appKey, opts.appSecret);
  } catch (e) {
    print({ call: 'token', ok: false, error: describeError(e) });
    return 1;
  }
  const config = newConfig(opts.endpoint, opts.key);
  for (const name of opts.names) {
    try {
      const res = await calls[name](config, token, opts);
      print({ call: name, ok: true, status: res.statusCode, body: res.body });
    } catch (e) {
      print({ call: name, ok: false, error: describeError(e) });
    }
  }
  return 0;
}

main().then((code) => { process.exitCode = code; });
