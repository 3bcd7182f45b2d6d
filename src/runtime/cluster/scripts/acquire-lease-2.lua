--[[
  Acquires a shard's lease if it is free, and takes the next epoch (fencing token) in the same
  atomic step, so no two acquisitions ever share an epoch and every acquisition gets a higher one.

  Input:
    KEYS[1] lease key (string: the holder's token; expires with PX)
    KEYS[2] epoch key (integer counter; never expires)

    ARGV[1] holder token (member id + '#' + incarnation)
    ARGV[2] lease TTL in ms
    ARGV[3] epoch floor: the epoch must end above it (the SQL fence's epoch when the counter fell
            behind it, e.g. after Redis lost the key); "0" normally

  Output:
    { 1, token, epoch }   acquired under epoch
    { 0, holder, epoch }  held by holder (its token) under epoch
]]
local acquired = redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2])
if not acquired then
  return { 0, redis.call('GET', KEYS[1]) or '', redis.call('GET', KEYS[2]) or '0' }
end
local epoch = redis.call('INCR', KEYS[2])
local floor = tonumber(ARGV[3])
if epoch <= floor then
  epoch = floor + 1
  redis.call('SET', KEYS[2], epoch)
end
return { 1, ARGV[1], tostring(epoch) }
