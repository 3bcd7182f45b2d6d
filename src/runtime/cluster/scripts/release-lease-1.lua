--[[
  Releases a shard's lease only if the caller still holds it (graceful hand-over, shutdown).

  Input:
    KEYS[1] lease key
    ARGV[1] holder token

  Output: 1 released, 0 not the holder
]]
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
