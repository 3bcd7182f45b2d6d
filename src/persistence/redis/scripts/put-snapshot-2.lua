--[[
  Conditionally writes a conversation's snapshot envelope.

  The write happens only when the new seq is greater than the stored seq and the new epoch is
  not lower than the stored epoch, so a stale shard owner or a retried turn can never overwrite
  newer state. Epoch is checked first: a fenced-off owner is told so even when its seq is higher.
  seq and epoch live in their own hash fields, so the check is O(1) and never parses the JSON.
  Nothing is written for a conversation whose erasure tombstone exists (harden19): a turn of an
  erased conversation, on any member, cannot put the erased state back.

  Input:
    KEYS[1] snapshot key (hash: seq, epoch, env)
    KEYS[2] erasure tombstone key (same hash tag; exists while the conversation counts as erased)

    ARGV[1] new seq      (decimal integer)
    ARGV[2] new epoch    (decimal integer)
    ARGV[3] envelope     (JSON text, stored as is)
    ARGV[4] TTL in ms    ("0" = no TTL: an existing TTL is removed)

  Output:
    { 1, seq, epoch }  written; seq/epoch are the new values
    { 0, seq, epoch }  stale_seq; seq/epoch are the stored values
    { -1, seq, epoch } stale_epoch; seq/epoch are the stored values
    { -2, 0, 0 }       erased: the tombstone exists, nothing written
    error "HILO_CORRUPT ..." when the key holds something this script did not write
]]
local key = KEYS[1]
local newSeq = tonumber(ARGV[1])
local newEpoch = tonumber(ARGV[2])
local ttlMs = tonumber(ARGV[4])

if redis.call('EXISTS', KEYS[2]) == 1 then
  return { -2, '0', '0' }
end

local keyType = redis.call('TYPE', key)['ok']
if keyType ~= 'none' then
  if keyType ~= 'hash' then
    return redis.error_reply('HILO_CORRUPT snapshot key holds a ' .. keyType)
  end
  local current = redis.call('HMGET', key, 'seq', 'epoch')
  local curSeq = tonumber(current[1])
  local curEpoch = tonumber(current[2])
  if curSeq == nil or curEpoch == nil then
    return redis.error_reply('HILO_CORRUPT snapshot hash lacks numeric seq/epoch')
  end
  if newEpoch < curEpoch then
    return { -1, current[1], current[2] }
  end
  if newSeq <= curSeq then
    return { 0, current[1], current[2] }
  end
end

redis.call('HSET', key, 'seq', ARGV[1], 'epoch', ARGV[2], 'env', ARGV[3])
if ttlMs > 0 then
  redis.call('PEXPIRE', key, ttlMs)
else
  redis.call('PERSIST', key)
end
return { 1, ARGV[1], ARGV[2] }
