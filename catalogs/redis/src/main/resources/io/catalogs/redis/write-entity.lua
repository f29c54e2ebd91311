-- Writes one entity (its hash and every index entry) atomically, with the version check inside.
-- KEYS[1] the entity hash. ARGV[1] a JSON payload:
--   mode     'create' (fails if the hash exists, tombstones included), 'newer' (stores unless the
--            stored version is at least 'version'), 'update' (merges into a live entity) or
--            'delete' (turns a live entity into a tombstone)
--   version  create/newer: the incoming version; update/delete: the expected version or absent
--   set      hash fields to set (create/newer: every field of the entity)
--   del      hash fields to remove (update)
--   ix       per field, the index entries of its new value as key, member, key, member...; an empty
--            member stands for the entity's member in the createdAt index (entries of partitions)
--   updated  update/delete: the new _updatedAt
-- The hash keeps the entries it occupies in _ix, per field, so that later writes remove exactly those.
-- Returns {status, version[, hash as field, value...]}: OK, EXISTS, NOT_FOUND, CONFLICT or STALE;
-- update and delete return the stored hash after an OK.
local p = cjson.decode(ARGV[1])
local key = KEYS[1]
local current = redis.call('HMGET', key, '_version', '_deleted', '_ix')
local version = current[1]
local old = {}
if current[3] then old = cjson.decode(current[3]) end

local function drop(entries)
	for i = 1, #entries, 2 do
		redis.call('ZREM', entries[i], entries[i + 1])
	end
end

local function place(entries, created)
	local placed = {}
	for i = 1, #entries, 2 do
		local member = entries[i + 1]
		if member == '' then member = created end
		redis.call('ZADD', entries[i], 0, member)
		placed[#placed + 1] = entries[i]
		placed[#placed + 1] = member
	end
	return placed
end

local function createdMember(ix)
	local entries = ix['createdAt']
	if entries and entries[2] then return entries[2] end
	return ''
end

local function hset(fields)
	local args = {}
	for field, value in pairs(fields) do
		args[#args + 1] = field
		args[#args + 1] = value
	end
	if #args > 0 then redis.call('HSET', key, unpack(args)) end
end

local mode = p['mode']
if mode == 'create' or mode == 'newer' then
	if mode == 'create' and version then return {'EXISTS', version} end
	if mode == 'newer' and version and tonumber(version) >= tonumber(p['version']) then return {'STALE', version} end
	for _, entries in pairs(old) do drop(entries) end
	redis.call('DEL', key)
	local ix = {}
	local created = createdMember(p['ix'])
	for field, entries in pairs(p['ix']) do ix[field] = place(entries, created) end
	hset(p['set'])
	redis.call('HSET', key, '_ix', cjson.encode(ix))
	return {'OK', redis.call('HGET', key, '_version')}
end

if not version or current[2] == '1' then return {'NOT_FOUND', version or '0'} end
local expected = p['version']
if expected and expected ~= cjson.null and tonumber(expected) ~= tonumber(version) then
	return {'CONFLICT', version}
end
local bumped = string.format('%d', tonumber(version) + 1)
if mode == 'update' then
	local created = createdMember(old)
	for field, entries in pairs(p['ix']) do
		drop(old[field] or {})
		old[field] = place(entries, created)
	end
	hset(p['set'])
	if p['del'] and #p['del'] > 0 then redis.call('HDEL', key, unpack(p['del'])) end
	redis.call('HSET', key, '_ix', cjson.encode(old), '_version', bumped, '_updatedAt', p['updated'])
elseif mode == 'delete' then
	for _, entries in pairs(old) do drop(entries) end
	redis.call('HSET', key, '_ix', '{}', '_version', bumped, '_updatedAt', p['updated'], '_deleted', '1')
else
	return redis.error_reply('unknown mode ' .. tostring(mode))
end
return {'OK', bumped, redis.call('HGETALL', key)}
