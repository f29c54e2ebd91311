-- Reads a range of a lexicographic index and the hash of every member, in one step.
-- KEYS[1]  the index (a sorted set whose members end with a 36-character id)
-- ARGV[1]  the lower bound ('-', '[member' or '(member'); ARGV[2] the upper bound ('+', ...)
-- ARGV[3]  at most that many members (-1 for all); ARGV[4] '1' to read from the upper end down
-- ARGV[5]  the key prefix that an id completes to its hash key
-- Returns {member, {field, value, ...}} per member, in reading order.
local members
if ARGV[4] == '1' then
	members = redis.call('ZREVRANGEBYLEX', KEYS[1], ARGV[2], ARGV[1], 'LIMIT', 0, ARGV[3])
else
	members = redis.call('ZRANGEBYLEX', KEYS[1], ARGV[1], ARGV[2], 'LIMIT', 0, ARGV[3])
end
local result = {}
for i, member in ipairs(members) do
	result[i] = {member, redis.call('HGETALL', ARGV[5] .. string.sub(member, -36))}
end
return result
