package io.catalogs.gateway.sync;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of a {@link SyncEventRecord}, the value of every record on the sync-status topic:
 * an object with the record's component names as properties, ids as UUID strings, times as
 * ISO-8601 UTC strings and the state as its enum name. Unknown properties are ignored when reading.
 * Thread-safe.
 */
public final class SyncEventRecordCodec {

	private final JsonMapper json;

	private SyncEventRecordCodec(JsonMapper json) {
		this.json = json;
	}

	/** A codec with its own {@link JsonMapper}. */
	public static SyncEventRecordCodec create() {
		return new SyncEventRecordCodec(
				JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
	}

	/** The record as UTF-8 JSON. */
	public byte[] write(SyncEventRecord record) {
		return this.json.writeValueAsBytes(record);
	}

	/**
	 * The record in {@code json}.
	 * @throws tools.jackson.core.JacksonException if it is not such a record
	 */
	public SyncEventRecord read(byte[] json) {
		return this.json.readValue(json, SyncEventRecord.class);
	}
}
