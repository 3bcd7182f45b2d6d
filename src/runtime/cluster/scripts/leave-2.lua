--[[
  A member leaves the cluster (graceful shutdown): the others see it gone at their next heartbeat.

  Input:
    KEYS[1] members sorted set
    KEYS[2] members info hash
    ARGV[1] member id

  Output: 1 removed, 0 it was not there
]]
redis.call('HDEL', KEYS[2], ARGV[1])
return redis.call('ZREM', KEYS[1], ARGV[1])
