package redisstore

import "github.com/redis/go-redis/v9"

// Lua scripts run atomically in Redis: nothing else runs between their commands. A
// script is not rolled back when a command in it fails, so each script first checks the
// type of every key it will write (the only way our writes can fail) and only then
// writes: a batch is applied whole or not at all.
//
// Numbers: Lua converts numbers to strings with 14 significant digits, too few for
// microsecond timestamps, so timestamps travel as the decimal strings Go sent and Lua
// only compares them (tonumber is exact below 2^53 µs, the year 2255).

// putScript: KEYS[1] = expiry index (zset); then per entry KEYS[2i] = entry hash,
// KEYS[2i+1] = tombstone hash. ARGV per entry (7): token, type, key id, sealed,
// first µs, last µs, expires µs, then expires ms for PEXPIREAT.
var putScript = redis.NewScript(`
local function wrongtype(key, want)
  local t = redis.call('TYPE', key)['ok']
  return t ~= 'none' and t ~= want
end
if wrongtype(KEYS[1], 'zset') then
  return redis.error_reply('VAULT expiry index key has the wrong type')
end
local n = (#KEYS - 1) / 2
for i = 1, n do
  if wrongtype(KEYS[2*i], 'hash') or wrongtype(KEYS[2*i+1], 'hash') then
    return redis.error_reply('VAULT key of entry ' .. i .. ' has the wrong type')
  end
end
for i = 1, n do
  local ek, tk, a = KEYS[2*i], KEYS[2*i+1], (i-1)*8
  if redis.call('EXISTS', tk) == 0 then
    local tok, exp, expms = ARGV[a+1], ARGV[a+7], ARGV[a+8]
    if redis.call('EXISTS', ek) == 0 then
      redis.call('HSET', ek, 'ty', ARGV[a+2], 'k', ARGV[a+3], 's', ARGV[a+4],
                 'f', ARGV[a+5], 'l', ARGV[a+6], 'x', exp)
      redis.call('PEXPIREAT', ek, expms)
    else
      local ox = tonumber(redis.call('HGET', ek, 'x'))
      local ol = tonumber(redis.call('HGET', ek, 'l'))
      if ox == nil or tonumber(exp) > ox then
        redis.call('HSET', ek, 'x', exp)
        redis.call('PEXPIREAT', ek, expms, 'GT')
      end
      if ol == nil or tonumber(ARGV[a+6]) > ol then
        redis.call('HSET', ek, 'l', ARGV[a+6])
      end
    end
    redis.call('ZADD', KEYS[1], 'GT', exp, tok)
  end
end
return n
`)

// resealScript: KEYS = entry hashes; ARGV per entry (3): old key id, new key id, sealed.
var resealScript = redis.NewScript(`
for i = 1, #KEYS do
  local t = redis.call('TYPE', KEYS[i])['ok']
  if t ~= 'none' and t ~= 'hash' then
    return redis.error_reply('VAULT key of reseal ' .. i .. ' has the wrong type')
  end
end
local n = 0
for i = 1, #KEYS do
  local a = (i-1)*3
  if redis.call('HGET', KEYS[i], 'k') == ARGV[a+1] then
    redis.call('HSET', KEYS[i], 'k', ARGV[a+2], 's', ARGV[a+3])
    n = n + 1
  end
end
return n
`)

// tombstoneScript: KEYS[1] entry, KEYS[2] tombstone, KEYS[3] expiry index, KEYS[4]
// tombstone set; ARGV: token, type, erased µs. HSETNX keeps the first erasure time.
var tombstoneScript = redis.NewScript(`
local t = redis.call('TYPE', KEYS[2])['ok']
if t ~= 'none' and t ~= 'hash' then
  return redis.error_reply('VAULT tombstone key has the wrong type')
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('HSETNX', KEYS[2], 'ty', ARGV[2])
redis.call('HSETNX', KEYS[2], 'at', ARGV[3])
redis.call('SADD', KEYS[4], ARGV[1])
return 1
`)

// purgeScript: KEYS[1] expiry index; ARGV: now µs, limit, entry key prefix. Returns
// {entries deleted, index members removed}. Entry keys are derived inside the script,
// which is why the store supports a single Redis (or a primary with replicas), not
// Redis Cluster.
var purgeScript = redis.NewScript(`
local toks = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
local n = 0
for _, tok in ipairs(toks) do
  redis.call('ZREM', KEYS[1], tok)
  n = n + redis.call('DEL', ARGV[3] .. tok)
end
return {n, #toks}
`)
