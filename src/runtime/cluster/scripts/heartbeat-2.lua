--[[
  A member's heartbeat, and the live members as of now, in one step. Liveness is judged on the
  Redis server's clock (TIME), the one clock every member shares: a member is live while the
  expiry it wrote at its last heartbeat is in the future. Departed members are pruned here.

  Input:
    KEYS[1] members sorted set (member id → expiry, ms on the server's clock)
    KEYS[2] members info hash (member id → JSON the member describes itself with)

    ARGV[1] member id ("" = only list, no heartbeat)
    ARGV[2] heartbeat TTL in ms
    ARGV[3] member info (JSON text)

  Output: the live member ids (any order)
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if ARGV[1] ~= '' then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
end
local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
if #gone > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
  redis.call('HDEL', KEYS[2], unpack(gone))
end
return redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf')
