package io.catalogs.api.hubspot;

import io.catalogs.api.RemoteChange;
import io.catalogs.api.RemoteCollection;
import io.catalogs.api.RemoteCondition;
import io.catalogs.api.RemoteObject;
import io.catalogs.api.mapping.RemotePath;
import io.catalogs.api.mapping.RemoteSchema;
import io.catalogs.api.mapping.RemoteValueType;
import io.catalogs.client.http.IdempotencyKey;
import io.catalogs.client.hubspot.HubSpotClient;
import io.catalogs.client.hubspot.HubSpotContact;
import io.catalogs.client.hubspot.HubSpotFilter;
import io.catalogs.client.hubspot.HubSpotPage;
import io.catalogs.client.hubspot.HubSpotSearch;
import io.catalogs.spi.Operator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * HubSpot contacts as a {@link RemoteCollection}: paths {@code properties.<name>} (text, except the
 * datetime properties {@code catalogs_created_at} and {@code catalogs_updated_at}, and HubSpot's
 * read-only {@code createdate} and {@code lastmodifieddate}, which are timestamps) and the read-only
 * {@code createdAt} and {@code updatedAt}. Objects are looked up by the gateway id through its
 * unique property ({@code idProperty}, read from HubSpot's primary store), which also makes creates
 * happen at most once. Lists filter through the search API: equality on text properties, equality
 * and ranges on timestamps (HubSpot compares datetimes in milliseconds). Deletes archive. The change
 * feed searches {@code lastmodifieddate}; archived contacts are not searchable, so deletions reach
 * the gateway through HubSpot's webhooks and {@link #current}, not through {@link #modifiedSince}.
 */
final class HubSpotContactCollection implements RemoteCollection {

	static final String PROPERTIES = "properties.";

	/** The datetime contact properties: their values are timestamps, compared in order by HubSpot. */
	static final Set<String> DATETIME_PROPERTIES = Set.of("catalogs_created_at", "catalogs_updated_at", "createdate",
			HubSpotContact.LAST_MODIFIED);

	static final RemoteSchema SCHEMA = RemoteSchema.of("HubSpot contact",
			RemotePath.writable(PROPERTIES + "catalogs_created_at", RemoteValueType.TIMESTAMP),
			RemotePath.writable(PROPERTIES + "catalogs_updated_at", RemoteValueType.TIMESTAMP),
			RemotePath.readOnly(PROPERTIES + "createdate", RemoteValueType.TIMESTAMP),
			RemotePath.readOnly(PROPERTIES + HubSpotContact.LAST_MODIFIED, RemoteValueType.TIMESTAMP),
			RemotePath.anyKeyBelow("properties", RemoteValueType.TEXT, 100).withMaxLength(65_536),
			RemotePath.readOnly("createdAt", RemoteValueType.TIMESTAMP),
			RemotePath.readOnly("updatedAt", RemoteValueType.TIMESTAMP));

	/** HubSpot's search properties behind the top-level timestamps. */
	private static final Map<String, String> TOP_LEVEL = Map.of("createdAt", "createdate", "updatedAt",
			HubSpotContact.LAST_MODIFIED);

	private static final Set<Operator> RANGE = Set.of(Operator.EQ, Operator.GT, Operator.GTE, Operator.LT, Operator.LTE);

	/** HubSpot takes up to 6 filters in a group. */
	private static final int MAX_FILTERS = 6;

	private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final HubSpotClient client;

	private final String gatewayIdProperty;

	private final int pageSize;

	HubSpotContactCollection(HubSpotClient client, String gatewayIdProperty, int pageSize) {
		this.client = client;
		this.gatewayIdProperty = gatewayIdProperty;
		this.pageSize = Math.min(pageSize, 100);
	}

	/** The HubSpot property of a {@code properties.<name>} path. */
	static String property(String path) {
		return path.substring(PROPERTIES.length());
	}

	@Override
	public RemoteSchema schema() {
		return SCHEMA;
	}

	@Override
	public boolean supports(String path, Operator operator) {
		if (TOP_LEVEL.containsKey(path) || (path.startsWith(PROPERTIES) && DATETIME_PROPERTIES.contains(property(path)))) {
			return RANGE.contains(operator);
		}
		return path.startsWith(PROPERTIES) && operator == Operator.EQ;
	}

	@Override
	public Mono<RemoteObject> get(String remoteId) {
		return this.client.contacts().get(remoteId).filter((contact) -> !contact.archived())
			.map(HubSpotContactCollection::toRemote);
	}

	@Override
	public Mono<RemoteObject> findByEntityId(String idPath, String entityId) {
		if (!idPath.equals(PROPERTIES + this.gatewayIdProperty)) {
			return Mono.empty();
		}
		return this.client.contacts().findByGatewayId(entityId).filter((contact) -> !contact.archived())
			.map(HubSpotContactCollection::toRemote);
	}

	@Override
	public boolean consistentLookup() {
		return true;
	}

	@Override
	public Flux<RemoteObject> list(List<RemoteCondition> conditions) {
		if (conditions.isEmpty()) {
			return this.client.contacts().all(this.pageSize).map(HubSpotContactCollection::toRemote);
		}
		// one group: every condition must hold (the catalog checks them all again on what comes back)
		List<HubSpotFilter> filters = conditions.stream().limit(MAX_FILTERS).map(HubSpotContactCollection::filter).toList();
		HubSpotSearch first = HubSpotSearch.where(filters, this.pageSize);
		return this.client.contacts().search(first)
			.expand((page) -> page.nextAfter().map((after) -> this.client.contacts().search(first.after(after)))
				.orElse(Mono.empty()), 1)
			.concatMapIterable(HubSpotPage::results, 1)
			.map(HubSpotContactCollection::toRemote);
	}

	private static HubSpotFilter filter(RemoteCondition condition) {
		String path = condition.path();
		String property = TOP_LEVEL.getOrDefault(path, path.startsWith(PROPERTIES) ? property(path) : path);
		String value = (condition.value() instanceof Instant time) ? HubSpotFilter.millis(time) : condition.value().toString();
		return HubSpotFilter.of(property, HubSpotFilter.Operator.valueOf(condition.operator().name()), value);
	}

	@Override
	public Mono<String> create(Map<String, Object> fields, IdempotencyKey key) {
		return this.client.contacts().create(properties(fields, false)).map(HubSpotContact::id);
	}

	@Override
	public Mono<Void> update(String remoteId, Map<String, Object> fields) {
		return this.client.contacts().update(remoteId, properties(fields, true)).then();
	}

	@Override
	public Mono<Void> delete(String remoteId) {
		return this.client.contacts().archive(remoteId);
	}

	@Override
	public boolean changeFeed() {
		return true;
	}

	/**
	 * Contacts modified at or after {@code since} by {@code lastmodifieddate}, through the search
	 * API (its index lags behind writes by seconds). Never reports deletions: HubSpot does not search
	 * archived contacts; they come through webhooks ({@code contact.deletion}) and {@link #current}.
	 */
	@Override
	public Flux<RemoteChange> modifiedSince(Instant since) {
		return this.client.contacts().modifiedSince(since, this.pageSize)
			.map((contact) -> new RemoteChange(toRemote(contact), contact.modifiedAt(), false));
	}

	/** The live contact, else the archived one ({@code archived=true}) as deleted at its archive time. */
	@Override
	public Mono<RemoteChange> current(String remoteId) {
		return this.client.contacts().get(remoteId).filter((contact) -> !contact.archived())
			.switchIfEmpty(Mono.defer(() -> this.client.contacts().getArchived(remoteId)))
			.map((contact) -> new RemoteChange(toRemote(contact), contact.modifiedAt(), contact.archived()));
	}

	@Override
	public Mono<Void> ping() {
		return this.client.contacts().list(1, null).then();
	}

	/** The contact properties of {@code fields}; on update an empty text clears a property. */
	private static Map<String, String> properties(Map<String, Object> fields, boolean update) {
		Map<String, String> properties = new LinkedHashMap<>();
		fields.forEach((path, value) -> {
			if (path.startsWith(PROPERTIES) && (value != null || update)) {
				properties.put(property(path), (value instanceof Instant time) ? ISO_MILLIS.format(time)
						: (value != null) ? (String) value : "");
			}
		});
		return properties;
	}

	static RemoteObject toRemote(HubSpotContact contact) {
		Map<String, Object> fields = new LinkedHashMap<>();
		contact.properties().forEach((name, value) -> fields.put(PROPERTIES + name,
				DATETIME_PROPERTIES.contains(name) ? datetime(value) : value));
		fields.put("createdAt", contact.createdAt());
		fields.put("updatedAt", contact.updatedAt());
		return new RemoteObject(contact.id(), fields);
	}

	/** A datetime property as an instant; a value that is not one (a text left from before) is kept as it is and fails the mapping. */
	private static Object datetime(String value) {
		try {
			return HubSpotContact.datetime(value);
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			return value;
		}
	}
}
