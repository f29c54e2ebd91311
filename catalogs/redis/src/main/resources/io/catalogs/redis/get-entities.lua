-- Reads several entity hashes in one step. KEYS are the hashes; returns {field, value, ...} per key, in order.
local result = {}
for i, key in ipairs(KEYS) do
	result[i] = redis.call('HGETALL', key)
end
return result
