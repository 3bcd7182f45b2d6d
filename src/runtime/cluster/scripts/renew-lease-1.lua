--[[
  Extends a shard's lease only if the caller still holds it (its token is the value), so a member
  whose lease expired and was taken by another can never extend the other's lease. The epoch does
  not change: no one else can have acquired the shard while the key held this token.

  Input:
    KEYS[1] lease key
    ARGV[1] holder token
    ARGV[2] lease TTL in ms

  Output: 1 renewed, 0 not the holder (expired or taken)
]]
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
