package io.catalogs.api.salesforce;

import io.catalogs.api.RemoteChange;
import io.catalogs.api.RemoteObject;
import io.catalogs.client.salesforce.SalesforceObjects;
import io.catalogs.client.salesforce.Soql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The change feed of one sObject type, shared by the Salesforce collections: SOQL through
 * {@code queryAll} (deleted records in the recycle bin included, {@code IsDeleted}) with
 * {@code WHERE SystemModstamp >= <since> ORDER BY SystemModstamp, Id}, paged by
 * {@code nextRecordsUrl}; a record's current state by id, from the recycle bin when deleted.
 *
 * @param <R> the record as the client reads it
 */
final class SalesforceChangeFeed<R> {

	private static final Logger logger = LoggerFactory.getLogger(SalesforceChangeFeed.class);

	private static final DateTimeFormatter SOQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter SALESFORCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private final SalesforceObjects<R, ?> records;

	private final int batchSize;

	private final Function<R, RemoteObject> toRemote;

	private final Function<R, String> systemModstamp;

	private final Function<R, Boolean> deleted;

	SalesforceChangeFeed(SalesforceObjects<R, ?> records, int batchSize, Function<R, RemoteObject> toRemote,
			Function<R, String> systemModstamp, Function<R, Boolean> deleted) {
		this.records = records;
		this.batchSize = batchSize;
		this.toRemote = toRemote;
		this.systemModstamp = systemModstamp;
		this.deleted = deleted;
	}

	/** Every record modified (or deleted) at or after {@code since}, by {@code SystemModstamp} then id. */
	Flux<RemoteChange> modifiedSince(Instant since) {
		// SOQL dateTime literals are whole seconds: rounding down keeps the bound inclusive
		String where = "SystemModstamp >= " + SOQL_TIME.format(since.truncatedTo(ChronoUnit.SECONDS));
		return this.records.allIncludingDeleted(where, "SystemModstamp, Id", this.batchSize)
			.mapNotNull(this::toChange)
			.filter((change) -> !change.modifiedAt().isBefore(since));
	}

	/** The record's current state, a deleted one from the recycle bin; empty when it never existed (or was purged). */
	Mono<RemoteChange> current(String remoteId) {
		return this.records.get(remoteId)
			.switchIfEmpty(this.records.allIncludingDeleted("Id = " + Soql.literal(remoteId), null, this.batchSize).next())
			.mapNotNull(this::toChange);
	}

	/** The record as a change; {@code null} (left out, logged) without a readable {@code SystemModstamp}. */
	private RemoteChange toChange(R record) {
		RemoteObject object = this.toRemote.apply(record);
		Instant modifiedAt = time(this.systemModstamp.apply(record));
		if (modifiedAt == null) {
			logger.warn("Salesforce {} {} has no readable SystemModstamp: not pulled", this.records.name(), object.id());
			return null;
		}
		return new RemoteChange(object, modifiedAt, Boolean.TRUE.equals(this.deleted.apply(record)));
	}

	/** A Salesforce date/time ({@code 2024-01-31T10:00:00.000+0000}, or ISO-8601 as written); {@code null} when absent or unreadable. */
	static Instant time(String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text, SALESFORCE_TIME).toInstant();
		}
		catch (RuntimeException ex) {
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (RuntimeException unreadable) {
				return null;
			}
		}
	}
}
